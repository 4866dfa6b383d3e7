from baseImage
run Test

from debian:jesse2 as build
run stuff

from debian:jesse1 as build
run more_stuff
