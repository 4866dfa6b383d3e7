FROM node:12
RUN apt-get install -y python=2.7
