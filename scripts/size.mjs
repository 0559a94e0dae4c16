// Prints raw, gzip and brotli sizes of what dist/ ships (against the 250 kB budget).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, extname } from 'node:path';

const dir = process.argv[2] ?? 'dist';
const kb = (n) => (n / 1000).toFixed(1).padStart(8) + ' kB';
let total = [0, 0, 0];
let app = [0, 0, 0];
console.log('file'.padEnd(40), 'raw'.padStart(11), 'gzip'.padStart(11), 'brotli'.padStart(11));
for (const f of readdirSync(dir).sort()) {
  const body = readFileSync(join(dir, f));
  const sizes = [body.length, gzipSync(body, { level: 9 }).length,
    brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
  console.log(f.padEnd(40), ...sizes.map(kb));
  total = total.map((t, i) => t + sizes[i]);
  if (['.wasm', '.js', '.css'].includes(extname(f)) && f !== 'sw.js') app = app.map((t, i) => t + sizes[i]);
}
console.log('all files'.padEnd(40), ...total.map(kb));
console.log('app (wasm + js + css)'.padEnd(40), ...app.map(kb));
console.log(`budget: app under 250 kB brotli — ${app[2] < 250_000 ? 'met' : 'NOT met'} (${kb(app[2]).trim()})`);
