FROM alpine
RUN wget http://google.com

FROM alpine
RUN curl http://bing.com
