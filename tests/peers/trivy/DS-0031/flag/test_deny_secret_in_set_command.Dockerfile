FROM amazon/aws-cli:latest
RUN aws configure set aws_access_key_id test-id &&     aws configure set aws_secret_access_key test-key
