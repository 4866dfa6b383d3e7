FROM node:12
RUN apt-get update && apt-get --no-install-recommends -y install apt-utils
