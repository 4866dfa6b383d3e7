FROM openjdk:8u292-oracle
