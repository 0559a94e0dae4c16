// The built site in dist/ (make test builds it first): the board's first load stays
// within its budget, every lazily loaded chunk the loader can ask for is shipped, and the
// service worker caches every file, chunks included, so the app works offline after one
// visit. Size is deterministic, so it is a test; speed is measured in `make bench`.
// Run: node --test tests/node/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { report, firstLoadFiles, BUDGET } from '../../scripts/size.mjs';

const dist = new URL('../../dist/', import.meta.url).pathname;
const built = existsSync(join(dist, 'index.html'));
const skip = built ? false : 'no dist/ (run `make dist` first)';

test('the board\'s first load is within 250 kB of brotli', { skip }, () => {
  const { firstLoad, rows } = report(dist);
  const listing = rows.filter((r) => r.first).map((r) => `${r.file}: ${r.sizes[2]} B`).join('\n');
  assert.ok(firstLoad[2] <= BUDGET, `first load is ${firstLoad[2]} B of brotli, over ${BUDGET}:\n${listing}`);
});

test('the first load is the page, its styles, the main module and the main wasm only', { skip }, () => {
  const files = firstLoadFiles(dist);
  assert.ok(files.some((f) => /\/pipewise_bg\.wasm$/.test(f)), files.join(', '));
  assert.ok(!files.some((f) => /\/(split|chunk)_[^/]*\.wasm$/.test(f)), `a chunk is loaded up front: ${files.join(', ')}`);
});

test('every chunk the loader can fetch is shipped and cached by the service worker', { skip }, () => {
  const app = readdirSync(dist).find((f) => /^app-[0-9a-f]+$/.test(f));
  assert.ok(app, 'no app-<hash>/ folder in dist/');
  const loader = readFileSync(join(dist, app, '__wasm_split.js'), 'utf8');
  const chunks = [...loader.matchAll(/new URL\("\.\/([^"]+\.wasm)"/g)].map((m) => m[1]);
  assert.ok(chunks.length >= 8, `only ${chunks.length} chunks: is the build split?`);
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const cached = JSON.parse(sw.match(/const FILES = (\[[^\]]*\]);/)[1]);
  for (const chunk of chunks) {
    assert.ok(existsSync(join(dist, app, chunk)), `${chunk} is fetched but not shipped`);
    assert.ok(cached.includes(`${app}/${chunk}`), `${chunk} is not cached for offline use`);
  }
  for (const f of firstLoadFiles(dist).filter((f) => f !== 'index.html')) {
    assert.ok(cached.includes(f), `${f} is not cached for offline use`);
  }
});

test('each page and feature that loads on first use has its own chunk', { skip }, () => {
  const app = readdirSync(dist).find((f) => /^app-[0-9a-f]+$/.test(f));
  for (const name of ['reports', 'data', 'settings', 'demo', 'contacts', 'contact', 'deal', 'calendar', 'deal_form', 'move_dialog']) {
    assert.ok(existsSync(join(dist, app, `split_${name}.wasm`)), `no split_${name}.wasm`);
  }
});
