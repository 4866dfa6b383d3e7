FROM alpine:3.5
RUN dnf install bash && dnf clean all && dnf install zsh
