// A plain static file server, like a CDN with no rewrite rules: files, folder index.html,
// a redirect for a folder without its slash, and 404.html for anything else.
// Usage: node serve.mjs <dir> <port> [base]   (base: a sub-path such as /tpm/)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const [dir, port, base = '/'] = process.argv.slice(2);
const root = path.resolve(dir);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon', '.txt': 'text/plain',
};

function send(res, status, file) {
  res.writeHead(status, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
}

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let p = decodeURIComponent(url.pathname);
  const notFound = () => {
    const page = path.join(root, '404.html');
    if (fs.existsSync(page)) send(res, 404, page);
    else { res.writeHead(404); res.end('not found'); }
  };
  if (!p.startsWith(base)) return notFound();
  const file = path.join(root, p.slice(base.length));
  if (!file.startsWith(root)) return notFound();
  fs.stat(file, (err, st) => {
    if (err) return notFound();
    if (st.isDirectory()) {
      if (!p.endsWith('/')) {
        res.writeHead(301, { location: p + '/' + url.search });
        return res.end();
      }
      const index = path.join(file, 'index.html');
      return fs.existsSync(index) ? send(res, 200, index) : notFound();
    }
    send(res, 200, file);
  });
}).listen(+port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}`));
