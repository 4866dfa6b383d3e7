FROM alpine:3.13
USER user1
