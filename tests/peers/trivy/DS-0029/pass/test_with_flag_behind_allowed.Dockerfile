FROM node:12
RUN apt-get --no-install-recommends install -fmy apt-utils
