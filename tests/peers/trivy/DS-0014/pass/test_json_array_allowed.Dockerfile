FROM debian
RUN ["curl", "http://bing.com"]
RUN ["curl", "http://google.com"]
