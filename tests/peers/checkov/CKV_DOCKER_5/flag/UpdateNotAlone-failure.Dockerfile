FROM base

RUN apk update
