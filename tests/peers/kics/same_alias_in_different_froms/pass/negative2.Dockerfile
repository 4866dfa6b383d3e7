from debian:jesse1 as build
run stuff

from debian:jesse1 as another-alias
run more_stuff
