FROM debian:11-slim
RUN apt-get update && apt-get install tzdata postgresql-10 -y && rm -rf /var/lib/apt/lists/*
