FROM node:12
RUN ["apt-get", "install", "-y", "apt-utils"]
