from node:12
run npm install sax
run npm install sax --no-cache
run npm install sax | grep fail && npm install sax@latest
run npm install sax@latest | grep fail && npm install sax
run npm install sax | grep fail && npm install sax
run npm i -g @angular/cli
run ["npm","add","sax"]
