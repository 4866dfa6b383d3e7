FROM node:12
RUN ["apt-get", "--yes", "-q", "install", "apt-utils"]
