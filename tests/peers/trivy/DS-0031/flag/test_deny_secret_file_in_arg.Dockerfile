FROM busybox
COPY /src /app/
ARG GOOGLE_APPLICATION_CREDENTIALS=./app/google-storage-service.json
