FROM node:12
RUN ["apt-get", "--yes", "-q", "--no-install-recommends", "install", "apt-utils"]
