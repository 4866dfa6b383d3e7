FROM alpine:3.3
RUN apk --no-cache add nginx
WORKDIR /path/to/workdir
