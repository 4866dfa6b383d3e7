from node:12
run apt-get install python=2.7
run apt-get install apt-utils
run ["apt-get", "install", "apt-utils"]
