FROM base

LABEL foo="bar baz"
CMD ["gosu"]
