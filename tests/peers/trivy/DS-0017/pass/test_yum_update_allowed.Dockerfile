FROM centos:latest
RUN yum update -y && yum -y install java-11-openjdk
