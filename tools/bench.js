#!/usr/bin/env node
// `npm run bench [-- --quick]`: runs, back to back in one script, the
// benchmark program of every build of ours (native, wasm SIMD, wasm scalar
// under node, plus Eigen's own product in the wasm SIMD build) and
// TensorFlow.js on the same shapes in this process (wasm backend = XNNPACK
// single-threaded SIMD; cpu backend = plain JS). Prints a table with ratios
// measured in this run and writes build/bench.json.
// Shared machines are noisy: compare ratios from one run, not absolute times.
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { benchTfjs } = require('./bench_tfjs');

const ROOT = path.join(__dirname, '..');
const runs = process.argv.includes('--quick') ? 5 : 11;
const log = (text) => process.stderr.write(text + '\n');

const node = [process.execPath, '--no-experimental-fetch'];
const builds = [
  { impl: 'ours-native', command: [path.join(ROOT, 'build/native/bench')] },
  { impl: 'ours-wasm-simd', command: [...node, path.join(ROOT, 'build/web/bench.js'), '--eigen-impl', 'eigen-wasm'] },
  { impl: 'ours-wasm-scalar', command: [...node, path.join(ROOT, 'build/web-scalar/bench.js')] },
];

async function main() {
  const records = [];
  for (const build of builds) {
    const program = build.command.find((part) => part.includes('bench'));
    if (!fs.existsSync(program)) {
      log(`bench: ${build.impl} is not built (${program}); skipping`);
      continue;
    }
    log(`bench: running ${build.impl}...`);
    const output = execFileSync(build.command[0], [...build.command.slice(1), '--impl', build.impl, '--runs', String(runs)],
                                { encoding: 'utf8', maxBuffer: 1 << 24 });
    for (const line of output.split('\n')) if (line.startsWith('{')) records.push(JSON.parse(line));
  }
  records.push(...(await benchTfjs('wasm', 'tfjs-wasm', runs, log)));
  records.push(...(await benchTfjs('cpu', 'tfjs-cpu', runs, log)));

  fs.mkdirSync(path.join(ROOT, 'build'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'build/bench.json'), JSON.stringify(records, null, 2) + '\n');
  printTable(records);
  console.log(`\nmedian of ${runs} runs after warm-up; GFLOP/s for matmul and conv2d, training steps/s for mlp_train`);
  console.log(`wrote build/bench.json (${records.length} records)`);
}

// One row per (op, shape), one column per implementation, then the ratios
// of our wasm SIMD build to the others.
function printTable(records) {
  const metric = (r) => (r.gflops !== undefined ? r.gflops : r.steps_per_s);
  const order = ['ours-wasm-simd', 'ours-wasm-scalar', 'eigen-wasm', 'tfjs-wasm', 'tfjs-cpu', 'ours-native'];
  const impls = order.filter((impl) => records.some((r) => r.impl === impl));
  const rows = [...new Set(records.map((r) => `${r.op} ${r.shape}`))];
  const find = (row, impl) => records.find((r) => `${r.op} ${r.shape}` === row && r.impl === impl);
  const ratios = [['/tfjs-wasm', 'tfjs-wasm'], ['/tfjs-cpu', 'tfjs-cpu'], ['/eigen-wasm', 'eigen-wasm'],
                  ['/scalar', 'ours-wasm-scalar'], ['/native', 'ours-native']];
  const short = { 'ours-wasm-simd': 'simd', 'ours-wasm-scalar': 'scalar', 'eigen-wasm': 'eigen-wasm',
                  'tfjs-wasm': 'tfjs-wasm', 'tfjs-cpu': 'tfjs-cpu', 'ours-native': 'native' };
  const width = 11;
  console.log(['op shape'.padEnd(26), ...impls.map((i) => short[i].padStart(width)),
               ...ratios.map(([label]) => ('simd' + label).padStart(width + 1))].join(' '));
  for (const row of rows) {
    const cells = impls.map((impl) => {
      const r = find(row, impl);
      return (r ? metric(r).toPrecision(4) : '-').padStart(width);
    });
    const simd = find(row, 'ours-wasm-simd');
    const ratioCells = ratios.map(([, impl]) => {
      const other = find(row, impl);
      return (simd && other ? (metric(simd) / metric(other)).toFixed(2) + 'x' : '-').padStart(width + 1);
    });
    console.log([row.padEnd(26), ...cells, ...ratioCells].join(' '));
  }
}

main().catch((error) => {
  console.error(`bench: ${error.stack || error}`);
  process.exit(1);
});
