FROM alpine:3.5
RUN microdnf clean all && microdnf install -vy docker-ce
