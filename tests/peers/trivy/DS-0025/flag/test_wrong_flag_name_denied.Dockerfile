FROM alpine:3.5
RUN apk add --no-cacher bash
