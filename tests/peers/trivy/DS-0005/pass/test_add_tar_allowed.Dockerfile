FROM alpine:3.13
ADD /target/resources.tar.gz resources.tar.gz
