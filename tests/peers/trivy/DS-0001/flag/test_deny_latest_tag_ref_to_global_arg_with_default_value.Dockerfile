ARG TAG="latest"
FROM foo:${TAG}
