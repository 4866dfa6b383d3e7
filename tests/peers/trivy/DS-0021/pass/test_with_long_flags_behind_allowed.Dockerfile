FROM node:12
RUN apt-get install --assume-yes apt-utils
