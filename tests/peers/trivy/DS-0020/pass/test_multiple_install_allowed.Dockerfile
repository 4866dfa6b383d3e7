FROM alpine:3.5
RUN zypper install bash && zypper clean && zypper remove bash&& zypper cc
