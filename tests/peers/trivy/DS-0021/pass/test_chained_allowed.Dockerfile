FROM node:12
RUN apt-get update && apt-get -y install apt-utils
