FROM ubuntu:18.04
RUN test && apt-get update && apt upgrade --yes
