FROM golang:1.7.3 as dep
COPY --from=dep /binary /

FROM alpine:latest
ENTRYPOINT ["/opt/app/run.sh", "--port", "8080"]
