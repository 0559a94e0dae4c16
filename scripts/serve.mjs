// A tiny static server for dist/: serves the app under an optional sub-path (to test
// static hosting such as /pipewise/) and answers unknown paths with 404.html (status 200,
// as SPA-aware static hosts do). Hand-written (40 lines) because no small npm server mounts under a prefix
// with that fallback. Usage: node scripts/serve.mjs DIR PORT [BASE]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const [dir = 'dist', port = '8080', base = '/'] = process.argv.slice(2);
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.png': 'image/png',
};

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (!path.startsWith(base) && path + '/' !== base) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  let rel = normalize(path.slice(base.length) || '/').replace(/^(\.\.[/\\])+/, '');
  if (rel === '/' || rel === '.' || rel === '') rel = 'index.html';
  try {
    const body = await readFile(join(dir, rel));
    res.writeHead(200, { 'content-type': types[extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(body);
  } catch {
    const fallback = await readFile(join(dir, '404.html')).catch(() => readFile(join(dir, 'index.html')));
    res.writeHead(200, { 'content-type': types['.html'] }).end(fallback);
  }
}).listen(Number(port), '127.0.0.1', () => console.log(`Pipewise at http://127.0.0.1:${port}${base}`));
