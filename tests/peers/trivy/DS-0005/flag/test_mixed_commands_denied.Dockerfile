FROM alpine:3.13
ADD /target/resources.tar.gz resources.jar
ADD /target/app.jar app.jar
