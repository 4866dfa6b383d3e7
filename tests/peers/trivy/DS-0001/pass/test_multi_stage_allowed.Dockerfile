FROM golang:1.15 as builder
RUN apt-get update
FROM alpine:3.13
