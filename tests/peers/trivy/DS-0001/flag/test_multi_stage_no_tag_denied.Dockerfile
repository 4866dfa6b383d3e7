FROM node:14.18.1-bullseye as dependencies
RUN apt-get update
FROM alpine
