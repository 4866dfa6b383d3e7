FROM busybox
COPY /src /app/
ENV GOOGLE_APPLICATION_CREDENTIALS=./app/google-storage-service.json
