// What dist/ ships, raw, gzip and brotli, and the board's first load against its budget.
// First load is everything the browser fetches before the board is interactive: the page,
// its stylesheets, the main module with every module it imports statically, and the main
// wasm. Lazily loaded chunks (split_*.wasm, chunk_*.wasm) are counted apart.
// tests/node/size.test.mjs fails the build when the first load is over budget, and
// tests/e2e/chunks.spec.mjs checks that the board really fetches only these files.
// Usage: node scripts/size.mjs [dist]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, dirname, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The first-load budget, in bytes of brotli. */
export const BUDGET = 250_000;
/** What we aim for. */
export const AIM = 175_000;

const walk = (root, sub = '') => readdirSync(join(root, sub)).sort().flatMap((f) => {
  const rel = sub ? `${sub}/${f}` : f;
  return statSync(join(root, rel)).isDirectory() ? walk(root, rel) : [rel];
});

export const sizes = (body) => [body.length, gzipSync(body, { level: 9 }).length,
  brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];

/** The files of the board's first load, from the finished index.html (paths under dir). */
export function firstLoadFiles(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/)?.[1];
  if (!loader) throw new Error('size: no loader in index.html');
  const css = JSON.parse(loader.match(/\.\.\.(\[[^\]]*\])\.map/)?.[1] ?? '[]');
  const main = loader.match(/import\(base \+ '([^']+\.js)'\)/)?.[1];
  if (!main) throw new Error('size: the loader imports no module');
  const files = ['index.html', ...css];
  // The main module and its static imports, transitively.
  const todo = [main];
  while (todo.length) {
    const f = todo.pop();
    if (files.includes(f)) continue;
    files.push(f);
    const text = readFileSync(join(dir, f), 'utf8');
    for (const m of text.matchAll(/^\s*import\b[^'"]*['"](\.{1,2}\/[^'"]+)['"]/gm)) {
      todo.push(posix.normalize(posix.join(posix.dirname(f), m[1])));
    }
  }
  // wasm-bindgen's init fetches the main wasm next to the main module.
  files.push(main.replace(/\.js$/, '_bg.wasm'));
  return files;
}

/** Sizes of the first load and of the lazily loaded chunks. */
export function report(dir) {
  const all = walk(dir);
  const first = firstLoadFiles(dir);
  const rows = all.map((f) => ({ file: f, sizes: sizes(readFileSync(join(dir, f))), first: first.includes(f) }));
  const sum = (pick) => rows.filter(pick).reduce((t, r) => t.map((x, i) => x + r.sizes[i]), [0, 0, 0]);
  return {
    rows,
    firstLoad: sum((r) => r.first),
    chunks: sum((r) => /\/(split|chunk)_[^/]*\.wasm$/.test(r.file)),
    chunkCount: rows.filter((r) => /\/(split|chunk)_[^/]*\.wasm$/.test(r.file)).length,
    all: sum(() => true),
  };
}

/**
 * What using one split point downloads beyond the first load: its `split_<name>.wasm` and
 * every shared `chunk_N.wasm` the loader lists for it (the comment above each chunk in
 * `__wasm_split.js` names the split points that need it).
 */
export function featureLoad(dir, name) {
  const app = readdirSync(dir).find((f) => /^app-[0-9a-f]+$/.test(f));
  const loader = readFileSync(join(dir, app, '__wasm_split.js'), 'utf8');
  const files = [`${app}/split_${name}.wasm`];
  for (const m of loader.matchAll(/\/\* ([^*]*) \*\/\s*const __chunk_\d+ = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g)) {
    if (m[1].split(', ').includes(name)) files.push(`${app}/${m[2]}`);
  }
  const total = files.reduce((t, f) => t.map((x, i) => x + sizes(readFileSync(join(dir, f)))[i]), [0, 0, 0]);
  return { files, total };
}

/** Team sync's code must weigh less than PouchDB's `pouchdb.min.js` (38 kB brotli). */
export const SYNC_BUDGET = 38_000;

const kb = (n) => (n / 1000).toFixed(1).padStart(8) + ' kB';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  const r = report(dir);
  const verbose = process.argv.includes('--all');
  console.log('file'.padEnd(44), 'raw'.padStart(11), 'gzip'.padStart(11), 'brotli'.padStart(11));
  for (const row of r.rows) {
    // The many small shared chunks are summed below; --all lists them.
    if (!verbose && /\/chunk_\d+\.wasm$/.test(row.file)) continue;
    console.log(`${row.first ? '* ' : '  '}${row.file}`.padEnd(44), ...row.sizes.map(kb));
  }
  console.log(`  (${r.chunkCount} lazily loaded chunks: split_* per page or feature, chunk_* shared by several)`);
  console.log('lazily loaded chunks, all'.padEnd(44), ...r.chunks.map(kb));
  console.log('all files'.padEnd(44), ...r.all.map(kb));
  console.log('* first load of the board'.padEnd(44), ...r.firstLoad.map(kb));
  const met = r.firstLoad[2] <= BUDGET;
  console.log(`budget: first load ≤ ${BUDGET / 1000} kB brotli (aim ${AIM / 1000} kB) — ${met ? 'met' : 'NOT met'} (${kb(r.firstLoad[2]).trim()})`);
  if (!met) process.exitCode = 1;
}
