FROM busybox
COPY ./config $AWS_CONFIG_FILE
