FROM golang:1.7.3
COPY --from=dep /binary /

FROM golang:1.7.3
COPY --from=0 app/ /app/
