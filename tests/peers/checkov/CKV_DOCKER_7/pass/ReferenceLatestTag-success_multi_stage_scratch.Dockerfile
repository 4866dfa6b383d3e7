FROM scratch as base
COPY test.sh /test.sh

FROM base
LABEL maintainer=checkov
