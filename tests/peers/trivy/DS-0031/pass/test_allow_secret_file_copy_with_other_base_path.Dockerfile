FROM busybox
COPY /src /src
ENV GOOGLE_APPLICATION_CREDENTIALS=./app/google-storage-service.json
