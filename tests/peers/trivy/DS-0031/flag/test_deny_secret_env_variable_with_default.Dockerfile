FROM busybox
ENV GITHUB_TOKEN=placeholder
