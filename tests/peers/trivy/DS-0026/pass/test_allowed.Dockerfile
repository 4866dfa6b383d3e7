FROM golang:1.7.3
CMD ./app

FROM alpine:latest
HEALTHCHECK CMD /bin/healthcheck
CMD ./app
