FROM base

RUN apt-get update \
 && apt-get install -y --no-install-recommends foo \
 && echo gooo

RUN apk update \
 && apk add --no-cache suuu looo

RUN apk --update add moo
