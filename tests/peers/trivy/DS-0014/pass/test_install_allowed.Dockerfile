FROM debian
RUN curl http://bing.com
RUN apt-get update && apt-get install wget
