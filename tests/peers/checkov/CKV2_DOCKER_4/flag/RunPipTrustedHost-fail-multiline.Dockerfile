FROM alpine:3.5
RUN pip \
    --trusted-host pypi.org \
    install checkov
RUN pip \
    install checkov \
    --trusted-host=pypi.org
