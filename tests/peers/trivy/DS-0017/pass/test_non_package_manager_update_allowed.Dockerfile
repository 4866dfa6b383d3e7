FROM maven:alpine
COPY build.sbt version.sbt ./
RUN sbt update 
