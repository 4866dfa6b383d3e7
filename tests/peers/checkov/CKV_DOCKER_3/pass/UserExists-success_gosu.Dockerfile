FROM base

LABEL foo="bar baz"
ENTRYPOINT ["gosu", "me", "tini", "--", "/bin/sh"]
