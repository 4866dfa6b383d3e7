FROM alpine:3.5
RUN curl --insecure https://example.com
