FROM base

LABEL foo="bar baz"
ENTRYPOINT ["gosu"]
