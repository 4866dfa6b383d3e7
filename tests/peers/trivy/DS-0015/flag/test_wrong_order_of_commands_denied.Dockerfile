FROM alpine:3.5
RUN yum clean all && yum -y install
