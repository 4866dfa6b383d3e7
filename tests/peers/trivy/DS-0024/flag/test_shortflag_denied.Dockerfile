FROM debian
RUN apt-get update && apt-get -q dist-upgrade
CMD ["python", "/usr/src/app/app.py"]
