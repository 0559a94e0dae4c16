// Browser benchmarks (issue 7 budgets), measured with Performance marks the app sets:
//   pipewise:load:start (loader) … pipewise:board:ready      navigation → interactive board
//   pipewise:move:confirmed … pipewise:move:painted          a move on the board → next frame
//   pipewise:save:start … pipewise:save:end                  the save after a change
//   pipewise:reports:start … pipewise:reports:end            every report, first render
// Each figure is the median of several runs in headless Chromium on loopback, printed
// next to its budget; the machine is noisy, so compare runs rather than trust one.
// Usage: node tests/bench/browser.mjs   (make bench builds dist/ first)
import { chromium } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { join, extname } from 'node:path';
import os from 'node:os';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = 4790;
const today = new Date().toLocaleDateString('en-CA'); // YYYY-MM-DD, local time like the app
mkdirSync('target/bench', { recursive: true });

function fixture(deals) {
  const file = `target/bench/pipeline-${deals}-${today}.txt`;
  try { return readFileSync(file, 'utf8'); } catch { /* build it */ }
  execSync(`cargo run --release -q -p pipewise-core --example pipeline -- ${deals} ${today} > ${file}`, { stdio: ['ignore', 'ignore', 'inherit'], shell: '/bin/bash' });
  return readFileSync(file, 'utf8');
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN; };
const measure = (page, from, to) => page.evaluate(([a, b]) => {
  const last = (n) => performance.getEntriesByName(n).at(-1)?.startTime;
  const end = last(b);
  const start = a === 'navigation' ? 0 : last(a);
  return end === undefined || start === undefined ? null : end - start;
}, [from, to]);
const waitMark = (page, name, timeout = 60_000) => page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout });

async function run(browser, stored, deals) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  await context.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('bench-seeded')) {
      localStorage.setItem(key, value);
      localStorage.setItem('pipewise.welcomed', '1');
      sessionStorage.setItem('bench-seeded', '1');
    }
  }, ['pipewise.book', stored]);
  const page = await context.newPage();
  const out = {};
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await waitMark(page, 'pipewise:board:ready');
  out.board = await measure(page, 'navigation', 'pipewise:board:ready');
  out.load = await measure(page, 'pipewise:decode:start', 'pipewise:decode:end');

  // Move the first open deal one step on, through the keyboard-reachable dialog.
  await page.getByRole('button', { name: /^Move .* to…$|^Move to…/ }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /^Move$|^Move deal$|^Confirm/ }).click();
  await waitMark(page, 'pipewise:move:painted');
  out.move = await measure(page, 'pipewise:move:confirmed', 'pipewise:move:painted');
  await waitMark(page, 'pipewise:save:end');
  out.save = await measure(page, 'pipewise:save:start', 'pipewise:save:end');

  await page.goto(`http://127.0.0.1:${PORT}/reports`);
  await waitMark(page, 'pipewise:reports:end');
  out.reports = await measure(page, 'pipewise:reports:start', 'pipewise:reports:end');
  await context.close();
  return out;
}

function shippedBrotli() {
  let total = 0;
  for (const f of readdirSync('dist')) {
    if (!['.wasm', '.js', '.css'].includes(extname(f)) || f === 'sw.js') continue;
    total += brotliCompressSync(readFileSync(join('dist', f)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return total;
}

const server = spawn('node', ['scripts/serve.mjs', 'dist', String(PORT), '/'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? execSync('command -v chromium', { shell: '/bin/bash' }).toString().trim(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const rows = [];
const budgetLine = (what, value, budget, unit) => rows.push({ what, value, budget, unit });
try {
  budgetLine('shipped size (wasm + js + css, brotli)', shippedBrotli() / 1000, 250, 'kB');
  for (const deals of [1000, 10000]) {
    const stored = fixture(deals);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await run(browser, stored, deals));
    const pick = (k) => median(runs.map((r) => r[k]).filter((v) => v !== null));
    budgetLine(`navigation → interactive board, ${deals} deals`, pick('board'), deals === 1000 ? 1000 : 2000, 'ms');
    if (deals === 1000) budgetLine('move on the board → next frame, 1,000 deals', pick('move'), 16, 'ms');
    if (deals === 10000) {
      budgetLine('save after a change, 10,000 deals', pick('save'), 100, 'ms');
      budgetLine('load (decode) of the stored book, 10,000 deals', pick('load'), null, 'ms');
      budgetLine('every report, first render, 10,000 deals', pick('reports'), 150, 'ms');
    } else {
      budgetLine('save after a change, 1,000 deals', pick('save'), null, 'ms');
      budgetLine('every report, first render, 1,000 deals', pick('reports'), null, 'ms');
    }
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(`\nBrowser benchmarks — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, headless Chromium, median of ${RUNS} runs`);
for (const { what, value, budget, unit } of rows) {
  const verdict = budget === null ? '' : value <= budget ? 'met' : 'NOT met';
  console.log(`${what.padEnd(48)} ${value.toFixed(1).padStart(8)} ${unit}   budget ${budget === null ? '—' : `${budget} ${unit}`.padEnd(8)} ${verdict}`);
}
