FROM busybox
COPY . .
ENV GOOGLE_APPLICATION_CREDENTIALS="./news-extraction.json"
