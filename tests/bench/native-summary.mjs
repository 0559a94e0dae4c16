// Prints criterion's native figures (target/criterion/*/new/estimates.json) against the
// budgets: every report on the 10,000-deal pipeline under 50 ms; its save under 100 ms.
import { readFileSync, existsSync } from 'node:fs';

const budgets = [
  ['storage/encode 10k pipeline', 'save (encode) of the 10,000-deal pipeline', 100],
  ['storage/decode 10k pipeline', 'load (decode) of the 10,000-deal pipeline', null],
  ['merge/two 10k pipelines', 'merge of two 10,000-deal copies (tabs, backups)', null],
  ['reports/all reports, everyone, 10k deals', 'every report, everyone, 10,000 deals', 50],
  ['reports/all reports, one owner, 10k deals', 'every report, one owner, 10,000 deals', 50],
];
console.log('\nNative benchmarks (criterion, median)');
for (const [id, what, budget] of budgets) {
  // Criterion keeps the benchmark's name as the folder name (older versions replaced
  // spaces and commas with underscores).
  const [group, name] = id.split('/');
  const path = [name, name.replace(/[^A-Za-z0-9_-]/g, '_')]
    .map((n) => `target/criterion/${group}/${n}/new/estimates.json`)
    .find(existsSync);
  if (!path) { console.log(`${what.padEnd(48)} (not run)`); continue; }
  const ms = JSON.parse(readFileSync(path, 'utf8')).median.point_estimate / 1e6;
  console.log(`${what.padEnd(48)} ${ms.toFixed(1).padStart(8)} ms   budget ${budget === null ? '—       ' : `${budget} ms`.padEnd(8)} ${budget === null ? '' : ms <= budget ? 'met' : 'NOT met'}`);
}
