FROM baseImage
RUN wget http://google.com
RUN ["curl", "http://bing.com"]
