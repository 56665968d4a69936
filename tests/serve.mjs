// A plain static file server, like a CDN with no rewrite rules: files, folder index.html,
// a redirect for a folder without its slash, and 404.html for anything else.
// With --compress it also compresses as a CDN would: brotli (quality 11) when the browser
// accepts it, else gzip (level 9), keeping compressed bodies in memory; the benchmark uses it.
// Usage: node serve.mjs <dir> <port> [base] [--compress]   (base: a sub-path such as /tpm/)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const args = process.argv.slice(2);
const compress = args.includes('--compress');
const [dir, port, base = '/'] = args.filter((a) => a !== '--compress');
const root = path.resolve(dir);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon', '.txt': 'text/plain',
};
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt', '.webmanifest']);
const cache = new Map();

function send(req, res, status, file) {
  const ext = path.extname(file);
  const headers = { 'content-type': types[ext] || 'application/octet-stream' };
  const accept = req.headers['accept-encoding'] || '';
  const encoding = !compress || !compressible.has(ext) ? null
    : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  if (!encoding) {
    res.writeHead(status, headers);
    return fs.createReadStream(file).pipe(res);
  }
  const st = fs.statSync(file);
  const key = `${encoding}:${file}:${st.mtimeMs}:${st.size}`;
  let body = cache.get(key);
  if (!body) {
    const raw = fs.readFileSync(file);
    body = encoding === 'br'
      ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : zlib.gzipSync(raw, { level: 9 });
    cache.set(key, body);
  }
  res.writeHead(status, { ...headers, vary: 'accept-encoding', 'content-encoding': encoding, 'content-length': body.length });
  res.end(body);
}

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const p = decodeURIComponent(url.pathname);
  const notFound = () => {
    const page = path.join(root, '404.html');
    if (fs.existsSync(page)) send(req, res, 404, page);
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
      return fs.existsSync(index) ? send(req, res, 200, index) : notFound();
    }
    send(req, res, 200, file);
  });
}).listen(+port, '127.0.0.1', () =>
  console.log(`serving ${root}${compress ? ' (compressed)' : ''} at http://127.0.0.1:${port}${base}`));
