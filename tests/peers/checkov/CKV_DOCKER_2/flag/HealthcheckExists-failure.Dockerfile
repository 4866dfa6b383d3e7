FROM base

LABEL foo="bar baz
USER  me
