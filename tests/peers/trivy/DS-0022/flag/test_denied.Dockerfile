FROM fedora:27
MAINTAINER admin@example.com
