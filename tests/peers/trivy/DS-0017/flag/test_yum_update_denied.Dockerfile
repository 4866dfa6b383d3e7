FROM centos:latest
RUN yum update -y
