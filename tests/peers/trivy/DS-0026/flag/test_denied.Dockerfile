FROM busybox
RUN apt-get -y update

FROM alpine:latest
CMD ./app
