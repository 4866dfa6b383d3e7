FROM openjdk
