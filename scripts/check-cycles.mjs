// Fails when a Rust source tree has an import cycle between its modules: module A
// refers to B (a `use`, a re-export or a `crate::`/`super::` path) and B, directly or
// through others, refers back to A. A parent's `mod child;` is not a reference; a
// child reaching for its parent's items, while the parent re-exports the child, is.
// Usage: node scripts/check-cycles.mjs core/src src
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep, basename } from 'node:path';

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.rs') ? [join(dir, e.name)] : [],
  );
}

/** `a/b.rs` → "a::b"; `lib.rs`, `main.rs` and `mod.rs` name their folder. */
function moduleOf(root, file) {
  const parts = relative(root, file).slice(0, -3).split(sep);
  if (['lib', 'main', 'mod'].includes(parts.at(-1))) parts.pop();
  return parts.join('::');
}

/** `a::{b, c::{d, e}}` → ["a::b", "a::c::d", "a::c::e"]. */
function expand(tree) {
  const open = tree.indexOf('{');
  if (open < 0) return [tree.trim()];
  const prefix = tree.slice(0, open);
  const inner = tree.slice(open + 1, tree.lastIndexOf('}'));
  const parts = [];
  let depth = 0;
  let current = '';
  for (const ch of inner) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current);
  return parts.flatMap((p) => expand(p.trim()).map((e) => prefix + e));
}

function graph(root) {
  const modules = new Map(files(root).map((f) => [moduleOf(root, f), f]));
  const edges = new Map([...modules.keys()].map((m) => [m, new Set()]));
  for (const [module, file] of modules) {
    let text = readFileSync(file, 'utf8').replace(/\/\/[^\n]*/g, '');
    text = text.split(/#\[cfg\(test\)\]\s*mod tests\s*\{/)[0];
    const paths = [...text.matchAll(/\buse\s+([^;]+);/g)].flatMap((m) => expand(m[1].replace(/\s+/g, '')));
    paths.push(...[...text.matchAll(/\b((?:crate|super)(?:::\w+)+)/g)].map((m) => m[1]));
    const here = module ? module.split('::') : [];
    for (const path of paths) {
      let segs = path.split('::');
      let base;
      if (segs[0] === 'crate') {
        base = [];
        segs = segs.slice(1);
      } else if (segs[0] === 'super') {
        base = here.slice(0, -1);
        segs = segs.slice(1);
        while (segs[0] === 'super') {
          base = base.slice(0, -1);
          segs = segs.slice(1);
        }
      } else if (segs[0] === 'self') {
        base = here;
        segs = segs.slice(1);
      } else if (modules.has([...here, segs[0]].join('::'))) {
        base = here;
      } else continue;
      let target = base;
      for (const s of segs) {
        if (modules.has([...target, s].join('::'))) target = [...target, s];
        else break;
      }
      const name = target.join('::');
      if (name !== module && modules.has(name)) edges.get(module).add(name);
    }
  }
  return edges;
}

/** Strongly connected components of more than one module (Tarjan). */
function cycles(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const found = [];
  let next = 0;
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        component.push(w || `(${basename(w)})`);
      } while (w !== v);
      if (component.length > 1) found.push(component.map((m) => m || '(crate root)').sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

let failed = false;
for (const root of process.argv.slice(2)) {
  const found = cycles(graph(root));
  for (const c of found) console.log(`check-cycles: ${root}: ${c.join(' → ')} refer to each other`);
  failed ||= found.length > 0;
}
if (failed) process.exit(1);
console.log(`check-cycles: no import cycle in ${process.argv.slice(2).join(', ')}`);
