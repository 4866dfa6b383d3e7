FROM alpine:3.13
RUN apt-get update
USER user1
RUN apt-get update
USER root
RUN apt-get update
