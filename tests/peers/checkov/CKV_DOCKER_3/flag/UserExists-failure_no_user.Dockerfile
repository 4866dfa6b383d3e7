FROM base

LABEL foo="bar baz"
