FROM alpine:3.13
EXPOSE 22/tcp
