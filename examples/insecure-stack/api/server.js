// A minimal API: answers /healthz and /products.
const http = require("http");

http.createServer((req, res) => {
  if (req.url === "/healthz") {
    res.end("ok");
    return;
  }
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify([{ id: 1, name: "rope" }]));
}).listen(3000);
