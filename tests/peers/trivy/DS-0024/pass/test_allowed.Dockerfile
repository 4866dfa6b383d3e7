FROM debian
RUN apt-get update && apt-get upgrade
CMD ["python", "/usr/src/app/app.py"]
