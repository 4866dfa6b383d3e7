FROM alpine:3.5
ARG IMAGE=all-in-one
FROM $IMAGE
CMD ["python", "/usr/src/app/app.py"]
