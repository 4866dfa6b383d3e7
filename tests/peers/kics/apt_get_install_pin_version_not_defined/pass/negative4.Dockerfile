from busybox
run apt-get install python=2.7