# escape=\
ARG ANY_IMAGE
FROM ${ANY_IMAGE}
COPY readme.md *.xml* .\Config\example\