FROM alpine:3.13
ADD http://example.com/foo.txt bar.txt
