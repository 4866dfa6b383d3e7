FROM node:12
RUN apt-get install python=2.7
