FROM centos:8
RUN dnf update -y
