FROM node:12
RUN apt-get -fmy install --no-install-recommends apt-utils
