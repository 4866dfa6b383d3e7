FROM  base

LABEL foo="bar baz"
ADD http://example.com/package.zip /temp
USER  me
