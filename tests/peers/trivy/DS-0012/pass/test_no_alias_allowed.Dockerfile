FROM baseImage
RUN Test
FROM debian:jesse2 as build
RUN stuff
