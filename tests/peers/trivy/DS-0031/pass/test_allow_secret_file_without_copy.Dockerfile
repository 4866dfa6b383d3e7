FROM busybox
ENV GOOGLE_APPLICATION_CREDENTIALS=/credentials/google-storage-service.json
