FROM ubi8:8.7
RUN set -uex &&      microdnf install -vy docker-ce &&     microdnf clean all
HEALTHCHECK CMD curl --fail http://localhost:3000 || exit 1
