FROM busybox

RUN sudo apt-get install git
