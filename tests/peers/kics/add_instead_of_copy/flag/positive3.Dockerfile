FROM openjdk:10-jdk
ADD ${JAR_FILE} app.jar




FROM openjdk:10-jdk
ADD ${JAR_FILE} app.jar