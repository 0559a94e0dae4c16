// Finishes Trunk's dist/ for static hosting anywhere:
// - moves the split build (app/, copied in by Trunk from scripts/build-split.sh) to a
//   folder named after its content hash, so a new build never meets an old chunk in a
//   cache (its files fetch one another by relative URL, so the folder moves as a whole),
// - replaces Trunk's loader with ours, which works out the base path at run time (so one
//   build serves from / or /any/sub/path/, deep links and reloads included),
// - adds a strict Content-Security-Policy that allows only the app's own files,
//   'wasm-unsafe-eval' and this loader by its hash,
// - writes 404.html (static hosts serve it for deep links), the web app manifest and a
//   service worker that caches this exact build, every lazily loaded chunk included, for
//   offline use.
// Usage: node scripts/finish-dist.mjs dist
import { readFileSync, writeFileSync, readdirSync, statSync, renameSync, existsSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'dist';
const trunkHtml = readFileSync(join(dir, 'index.html'), 'utf8');
const find = (re, what) => {
  const m = trunkHtml.match(re);
  if (!m) throw new Error(`finish-dist: no ${what} in Trunk's index.html`);
  return m[1];
};
const css = [...trunkHtml.matchAll(/<link rel="stylesheet" href="\/?([^"]+\.css)"/g)].map((m) => m[1]);
if (css.length === 0) throw new Error("finish-dist: no stylesheet in Trunk's index.html");
const icon = find(/<link rel="icon" href="\/?([^"]+)"/, 'icon');

/** Every file under `root`, as paths relative to it with '/' separators. */
const walk = (root, sub = '') => readdirSync(join(root, sub)).sort().flatMap((f) => {
  const rel = sub ? `${sub}/${f}` : f;
  return statSync(join(root, rel)).isDirectory() ? walk(root, rel) : [rel];
});

if (!existsSync(join(dir, 'app', 'pipewise.js'))) throw new Error('finish-dist: no app/pipewise.js (did the split build run?)');
const appHash = createHash('sha256');
for (const f of walk(join(dir, 'app'))) appHash.update(f).update(readFileSync(join(dir, 'app', f)));
const appDir = `app-${appHash.digest('hex').slice(0, 12)}`;
rmSync(join(dir, appDir), { recursive: true, force: true });
renameSync(join(dir, 'app'), join(dir, appDir));
const js = `${appDir}/pipewise.js`;
const wasm = `${appDir}/pipewise_bg.wasm`;

const files = walk(dir).filter((f) => !/^(index|404)\.html$|^sw\.js$/.test(f));
const version = createHash('sha256').update(files.join('\n')).update(appDir).digest('hex').slice(0, 12);

// The first path segments of the app's routes (see src/app.rs): whatever comes before
// one of them is the base path. Keep in step with the router.
const routes = ['contacts', 'deals', 'calendar', 'reports', 'data', 'settings'];
// The main module finds its wasm and its chunks next to itself (import.meta.url).
const loader = `
const routes = ${JSON.stringify(routes)};
const parts = location.pathname.split('/');
const at = parts.findIndex((p, i) => i > 0 && routes.includes(p));
const base = (at > 0 ? parts.slice(0, at) : parts.slice(0, -1)).join('/') + '/';
window.pipewiseBase = base;
for (const [rel, href] of [...${JSON.stringify(css)}.map((c) => ['stylesheet', c]), ['icon', '${icon}'], ['manifest', 'manifest.webmanifest']]) {
  const link = document.createElement('link');
  link.rel = rel;
  link.href = base + href;
  document.head.append(link);
}
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register(base + 'sw.js', { scope: base }).catch(() => {});
}
performance.mark('pipewise:load:start');
// The wasm is fetched (and compiled as it streams in) alongside the module, and the
// first use of Intl, which costs 10–50 ms of main thread (ICU's data), is paid while they
// download instead of in the middle of drawing the board.
const wasm = fetch(base + '${wasm}');
const app = import(base + '${js}');
try {
  new Intl.NumberFormat(navigator.language, { style: 'currency', currency: 'USD' }).format(1);
  new Date(0).toLocaleDateString(navigator.language, { year: 'numeric', month: 'short', day: 'numeric' });
} catch {}
await (await app).default({ module_or_path: wasm });
`.trim();
const hash = createHash('sha256').update(loader).digest('base64');
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  // Team sync talks to the team's CouchDB: over https only, or to a server on this
  // computer (loopback), so a password never crosses a network in the clear.
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Pipewise: a sales-pipeline tracker that runs in your browser.">
<meta name="theme-color" content="#0f172a">
<title>Pipewise</title>
<script type="module">${loader}</script>
</head>
<body><noscript>Pipewise needs JavaScript and WebAssembly turned on.</noscript></body>
</html>
`;
writeFileSync(join(dir, 'index.html'), html);
writeFileSync(join(dir, '404.html'), html);

writeFileSync(join(dir, 'manifest.webmanifest'), JSON.stringify({
  name: 'Pipewise', short_name: 'Pipewise',
  description: 'Sales-pipeline tracker that runs entirely in your browser.',
  start_url: './', scope: './', display: 'standalone',
  background_color: '#f6f7f9', theme_color: '#0f172a',
  icons: [
    { src: icon, sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
    ...files.filter((f) => /^icon-\d+\.png$/.test(f)).map((f) => ({ src: f, sizes: `${f.match(/\d+/)[0]}x${f.match(/\d+/)[0]}`, type: 'image/png' })),
  ],
}, null, 2));

// Cache-first for this build's hashed files, network-first for pages (falling back to
// the cached index.html, so every route opens offline). A new build has a new version:
// its worker caches the new files and deletes the old cache once it takes over.
const sw = `
const CACHE = 'pipewise-${version}';
const FILES = ${JSON.stringify(['./', ...files])};
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('pipewise-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match('./', { ignoreSearch: true })
      .then((r) => r || caches.open(CACHE).then((c) => c.match(new URL('./', self.registration.scope).href)))));
    return;
  }
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
`.trim();
writeFileSync(join(dir, 'sw.js'), sw + '\n');
console.log(`finish-dist: ${dir}/ ready (version ${version}, loader sha256-${hash})`);
