FROM alpine:3.5
RUN microdnf install bash && microdnf clean all && microdnf install zsh
