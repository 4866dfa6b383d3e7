FROM alpine:3.5
RUN apk add --update py2-pip
WORKDIR /path/to/workdir
WORKDIR workdir
