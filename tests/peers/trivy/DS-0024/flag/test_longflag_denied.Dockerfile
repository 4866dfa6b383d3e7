FROM debian
RUN apt-get update && apt-get --quiet dist-upgrade
CMD ["python", "/usr/src/app/app.py"]
