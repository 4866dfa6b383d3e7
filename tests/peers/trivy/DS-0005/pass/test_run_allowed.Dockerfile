FROM alpine:3.13
RUN tar -xjf /temp/package.file.tar.gz
