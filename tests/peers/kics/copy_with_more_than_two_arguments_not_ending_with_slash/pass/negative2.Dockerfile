FROM node:carbon1
COPY package.json yarn.lock
