FROM alpine:3.13
USER root
USER user1
