FROM alpine:3.5
RUN curl -k https://example.com
