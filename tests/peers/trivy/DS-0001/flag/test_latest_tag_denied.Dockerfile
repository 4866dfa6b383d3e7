FROM openjdk:latest
