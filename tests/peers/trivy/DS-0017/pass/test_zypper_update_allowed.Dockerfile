FROM opensuse/tumbleweed
RUN zypper up -y  && zypper install -y curl wget zip unzip tar git
