from node:carbon
copy package.json yarn.lock my_app/
