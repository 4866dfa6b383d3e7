FROM alpine:3.5
RUN dnf clean all && dnf install -vy docker-ce
