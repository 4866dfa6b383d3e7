FROM alpine:3.14

WORKDIR workdir
