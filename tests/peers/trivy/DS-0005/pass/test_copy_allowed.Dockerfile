FROM alpine:3.13
COPY test.txt test2.txt
