FROM alpine:3
