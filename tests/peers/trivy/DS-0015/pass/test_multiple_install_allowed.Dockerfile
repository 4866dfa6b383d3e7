FROM alpine:3.5
RUN yum -y install bash && yum clean all && yum -y install zsh && yum clean all
