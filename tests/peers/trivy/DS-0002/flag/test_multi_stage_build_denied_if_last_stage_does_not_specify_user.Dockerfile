FROM alpine:3.13
USER root

FROM alpine:3.14
COPY blah.zip /
