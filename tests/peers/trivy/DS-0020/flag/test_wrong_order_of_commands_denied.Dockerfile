FROM alpine:3.5
RUN zypper cc && zypper remove bash
