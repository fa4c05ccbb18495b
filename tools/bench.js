#!/usr/bin/env node
// `npm run bench`: runs the benchmark program of every build back to back in
// one script (native, wasm SIMD, wasm scalar under node), prints a table with
// ratios measured in this run, and writes build/bench.json.
// Shared machines are noisy: compare ratios from one run, not absolute times.
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const runs = process.argv.includes('--quick') ? '5' : '11';

const builds = [
  { impl: 'ours-native', command: [path.join(ROOT, 'build/native/bench')] },
  { impl: 'ours-wasm-simd', command: [process.execPath, '--no-experimental-fetch', path.join(ROOT, 'build/web/bench.js')] },
  { impl: 'ours-wasm-scalar', command: [process.execPath, '--no-experimental-fetch', path.join(ROOT, 'build/web-scalar/bench.js')] },
];

const records = [];
for (const build of builds) {
  if (!fs.existsSync(build.command[build.command.length - 1])) {
    console.error(`bench: ${build.impl} is not built; skipping`);
    continue;
  }
  process.stderr.write(`bench: running ${build.impl}...\n`);
  const output = execFileSync(build.command[0], [...build.command.slice(1), '--impl', build.impl, '--runs', runs],
                              { encoding: 'utf8', maxBuffer: 1 << 24 });
  for (const line of output.split('\n')) if (line.startsWith('{')) records.push(JSON.parse(line));
}

fs.mkdirSync(path.join(ROOT, 'build'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'build/bench.json'), JSON.stringify(records, null, 2) + '\n');

// Table: one row per (op, shape), one column per implementation, then ratios.
const metric = (r) => (r.gflops !== undefined ? r.gflops : r.steps_per_s);
const impls = [...new Set(records.map((r) => r.impl))];
const rows = [...new Set(records.map((r) => `${r.op} ${r.shape}`))];
const find = (row, impl) => records.find((r) => `${r.op} ${r.shape}` === row && r.impl === impl);
const pad = (text, width) => String(text).padStart(width);
const header = ['op shape'.padEnd(26), ...impls.map((i) => pad(i, 17)), pad('simd/native', 12), pad('simd/scalar', 12)];
console.log(header.join(' '));
for (const row of rows) {
  const unit = find(row, impls[0]) && find(row, impls[0]).gflops !== undefined ? 'GFLOP/s' : 'steps/s';
  const cells = impls.map((impl) => {
    const r = find(row, impl);
    return pad(r ? `${metric(r).toPrecision(4)} ${unit}` : '-', 17);
  });
  const ratio = (a, b) => {
    const ra = find(row, a), rb = find(row, b);
    return pad(ra && rb ? (metric(ra) / metric(rb)).toFixed(2) + 'x' : '-', 12);
  };
  console.log([row.padEnd(26), ...cells, ratio('ours-wasm-simd', 'ours-native'), ratio('ours-wasm-simd', 'ours-wasm-scalar')].join(' '));
}
console.log(`\nwrote build/bench.json (${records.length} records)`);
