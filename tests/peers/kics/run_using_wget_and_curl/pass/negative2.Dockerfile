from debian
run curl http://google.com
run curl http://bing.com
run ["curl", "http://bing.com"]
