FROM busybox

RUN apt-get update \
 && sudo apt-get install vim
