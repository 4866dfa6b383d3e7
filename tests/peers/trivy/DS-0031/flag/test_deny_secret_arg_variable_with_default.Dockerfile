FROM busybox
ARG GITHUB_TOKEN=placeholder
