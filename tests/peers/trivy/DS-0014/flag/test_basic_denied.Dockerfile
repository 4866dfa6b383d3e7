FROM debian
RUN wget http://google.com
RUN curl http://bing.com
