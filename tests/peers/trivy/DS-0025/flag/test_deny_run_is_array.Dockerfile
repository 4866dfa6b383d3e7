FROM alpine:3.17
RUN ["apk", "add", "python3"]
RUN pip install --no-cache-dir -r /usr/src/app/requirements.txt
CMD ["python", "/usr/src/app/app.py"]
