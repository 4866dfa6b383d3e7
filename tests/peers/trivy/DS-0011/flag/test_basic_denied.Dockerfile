FROM node:carbon2
COPY package.json yarn.lock my_app
