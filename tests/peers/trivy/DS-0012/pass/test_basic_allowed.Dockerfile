FROM baseImage
RUN Test
FROM debian:jesse2 as build2
RUN stuff
FROM debian:jesse1 as build1
RUN more_stuff
