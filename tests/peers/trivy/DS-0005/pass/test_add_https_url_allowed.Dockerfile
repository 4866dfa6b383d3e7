FROM alpine:3.13
ADD https://example.com/foo.txt bar.txt
