FROM busybox

EXPOSE 22/tcp
