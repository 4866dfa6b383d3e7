FROM alpine:3.14
RUN apk add bash --no-cache
