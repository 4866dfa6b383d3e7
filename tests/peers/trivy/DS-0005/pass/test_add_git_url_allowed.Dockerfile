FROM alpine:3.13
ADD git@github.com:user/repo.git /usr/src/things/
