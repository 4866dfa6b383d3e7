FROM opensuse/tumbleweed
RUN zypper up -y
