FROM node:12
RUN apt-get install -fmy apt-utils
