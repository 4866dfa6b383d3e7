FROM alpine$TAG
