FROM alpine:3.13
ADD /target/app.jar app.jar
