FROM centos:8
RUN dnf update && dnf install -y dnf-plugins-core
