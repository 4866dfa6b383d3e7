FROM node:12
RUN apt-get -fmy install apt-utils
