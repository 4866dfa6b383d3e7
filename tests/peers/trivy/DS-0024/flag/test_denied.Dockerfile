FROM debian
RUN apt-get update && apt-get dist-upgrade
CMD ["python", "/usr/src/app/app.py"]
