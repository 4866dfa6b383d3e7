from node:12
run apt-get install apt-utils
run ["apt-get", "install", "apt-utils"]