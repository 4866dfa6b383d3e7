FROM alpine:latest
RUN echo "Test"
