// Where a move, a save and the start-up go: the DevTools sampling profiler around each,
// self time summed by function. Build with names kept first, or every wasm function is
// "wasm-function[1234]":
//   SPLIT_KEEP_NAMES=1 make dist && node tests/bench/profile.mjs [deals] [what…]
// `what` is start and/or move (the move and the save after it); both by default; `trace`
// adds the browser's own work (style, layout, paint, compile) from a timeline trace,
// which the sampling profiler only shows as "(program)". Not a benchmark: the profiler
// slows everything down; compare shares, not times.
import { chromium } from '@playwright/test';
import { execSync, spawn } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';

const deals = Number(process.argv[2] ?? 1000);
const args = process.argv.slice(3);
const tracing = args.includes('trace');
const wanted = args.filter((a) => a !== 'trace').length ? args : ['start', 'move', ...args];
const PORT = Number(process.env.BENCH_PORT ?? 4391);
const today = new Date().toLocaleDateString('en-CA');
mkdirSync('target/bench', { recursive: true });
const file = `target/bench/pipeline-${deals}-${today}.txt`;
let stored;
try { stored = readFileSync(file, 'utf8'); } catch {
  execSync(`cargo run --release -q -p pipewise-core --example pipeline -- ${deals} ${today} > ${file}`, { stdio: ['ignore', 'ignore', 'inherit'], shell: '/bin/bash' });
  stored = readFileSync(file, 'utf8');
}

/** Self time by function name, largest first, from a CDP profile. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id).callFrame;
    const name = frame.functionName || `(anonymous ${frame.url.split('/').pop()}:${frame.lineNumber})`;
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Main-thread time by trace event name (complete events of the renderer's main thread). */
function traceTimes(trace) {
  const events = JSON.parse(trace).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const totals = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !main || e.pid !== main.pid || e.tid !== main.tid) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

function printTrace(what, trace) {
  console.log(`\n${what}: main-thread trace events (nested events counted in each parent too)`);
  for (const [name, ms] of traceTimes(trace).slice(0, 18)) console.log(`${ms.toFixed(2).padStart(8)} ms  ${name}`);
  if (process.env.TRACE_TREE) printTree(trace);
}

/** The longest tasks with what ran inside them, two levels down. */
function printTree(trace) {
  const events = JSON.parse(trace).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const xs = events.filter((e) => e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = xs.filter((e) => e.name === 'RunTask').sort((a, b) => b.dur - a.dur).slice(0, 4);
  for (const task of tasks) {
    const inside = xs.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    console.log(`  task ${(task.dur / 1000).toFixed(2)} ms`);
    const depth = (e) => inside.filter((p) => p !== e && p.ts <= e.ts && p.ts + p.dur >= e.ts + e.dur).length;
    for (const e of inside) {
      const d = depth(e);
      if (d > 3 || e.dur < 300) continue;
      const detail = e.args?.data?.functionName || e.args?.data?.type || e.args?.data?.url?.split('/').pop() || '';
      console.log(`  ${'  '.repeat(d + 1)}${(e.dur / 1000).toFixed(2).padStart(7)} ms ${e.name} ${detail}`);
    }
  }
}

function print(what, profile) {
  const rows = selfTimes(profile).filter(([n]) => n !== '(idle)');
  const total = rows.reduce((t, [, ms]) => t + ms, 0);
  console.log(`\n${what}: ${total.toFixed(1)} ms sampled (idle left out)`);
  for (const [name, ms] of rows.slice(0, 30)) {
    console.log(`${ms.toFixed(2).padStart(8)} ms ${(100 * ms / total).toFixed(1).padStart(5)} %  ${name.slice(0, 150)}`);
  }
}

const server = spawn('node', ['scripts/serve.mjs', 'dist', String(PORT), '/'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? execSync('command -v chromium', { shell: '/bin/bash' }).toString().trim(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  await context.addInitScript(([key, value]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, value);
      localStorage.setItem('pipewise.welcomed', '1');
      sessionStorage.setItem('seeded', '1');
    }
  }, ['pipewise.book', stored]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const waitMark = (name) => page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 60_000 });
  const categories = ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed'];
  if (tracing && wanted.includes('start')) await browser.startTracing(page, { categories });
  else if (wanted.includes('start')) await cdp.send('Profiler.start');
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await waitMark('pipewise:board:ready');
  if (tracing && wanted.includes('start')) printTrace(`start-up, ${deals} deals`, (await browser.stopTracing()).toString());
  else if (wanted.includes('start')) print(`start-up, ${deals} deals`, (await cdp.send('Profiler.stop')).profile);
  await page.getByRole('button', { name: /^Move to…/ }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /^Move$|^Move deal$|^Confirm/ }).waitFor();
  if (tracing) await browser.startTracing(page, { categories });
  else await cdp.send('Profiler.start');
  await dialog.getByRole('button', { name: /^Move$|^Move deal$|^Confirm/ }).click();
  await waitMark('pipewise:save:end');
  const what = `move, next frame and the save after it, ${deals} deals`;
  if (tracing) printTrace(what, (await browser.stopTracing()).toString());
  else if (wanted.includes('move')) print(what, (await cdp.send('Profiler.stop')).profile);
  await context.close();
} finally {
  await browser.close();
  server.kill();
}
