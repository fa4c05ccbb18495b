#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --browser] [-- --only op,op]`: times, in one
// process and interleaved round by round (tools/bench_driver.js), every
// build of ours (wasm SIMD and wasm scalar loaded here, Eigen's own product
// in the SIMD build, the native build as a child process) and TensorFlow.js
// on the same cases (wasm backend = XNNPACK single-threaded SIMD; cpu
// backend = plain JS). With --browser the wasm and TensorFlow.js runs happen
// in headless Chromium instead (tools/bench_page.html); the native one stays
// the ceiling. Prints a table with ratios measured in this run and writes
// build/bench.json. Shared machines are noisy: compare ratios from one run.
'use strict';

const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { spawn } = require('child_process');
const { benchInterleaved, wasmImpl } = require('./bench_driver');
const { tfjsImpl } = require('./bench_tfjs');

const ROOT = path.join(__dirname, '..');
if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log('usage: npm run bench [-- --quick] [-- --browser] [-- --only op,op]\n' +
              '   or: node tools/bench.js ... (the builds must exist: npm run bench makes them)\n' +
              '  --quick    5 rounds instead of 11; the scalar build skips the whole-network (ms) cases\n' +
              '  --browser  wasm and TensorFlow.js in headless Chromium; native stays the ceiling\n' +
              '  --only     cases by op, e.g. matmul,conv2d_dx,caption_train_step,caption_beam5\n' +
              '  --baseline DIR  also time the wasm SIMD bench built in DIR (another commit\'s build/web):\n' +
              '             a before/after ratio from one interleaved run');
  process.exit(0);
}
const quick = process.argv.includes('--quick');
const runs = quick ? 5 : 11;
const inBrowser = process.argv.includes('--browser');
const option = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : null; };
const only = option('--only') ? option('--only').split(',') : null;
const baselineDir = option('--baseline');
const log = (text) => process.stderr.write(text + '\n');

// TensorFlow.js (the union package: core, cpu backend and the gradients
// that optimizer.minimize needs) plus the wasm backend, restricted to its
// single-threaded SIMD binary (read from node_modules, no download).
function loadTfjs() {
  const tf = require('@tensorflow/tfjs');
  const wasm = require('@tensorflow/tfjs-backend-wasm');
  const simd = path.join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm');
  wasm.setWasmPaths({ 'tfjs-backend-wasm.wasm': simd, 'tfjs-backend-wasm-simd.wasm': simd,
                      'tfjs-backend-wasm-threaded-simd.wasm': simd });
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  return tf;
}

// One instance of a wasm build of tests/bench/bench.cpp (the wasm file is
// handed over directly: Emscripten's glue would otherwise fetch() a path).
async function loadWasmBench(dir) {
  const factory = require(path.resolve(ROOT, dir, 'bench.js'));
  return factory({ wasmBinary: fs.readFileSync(path.resolve(ROOT, dir, 'bench.wasm')), print: log, printErr: log });
}

// The native build, `bench --serve`, spoken to line by line.
function nativeImpl(program) {
  const child = spawn(program, ['--serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  const received = [], waiting = [];  // lines not yet asked for; askers waiting for a line
  lines.on('line', (line) => (waiting.length ? waiting.shift()(line) : received.push(line)));
  const next = () => new Promise((resolve) => (received.length ? resolve(received.shift()) : waiting.push(resolve)));
  const ask = (command) => { child.stdin.write(command + '\n'); return next(); };
  let list = null;
  return {
    name: 'ours-native',
    async prepare(info) {
      if (!list) {
        list = [];
        for (let line = await ask('list'); line !== 'end'; line = await next()) list.push(JSON.parse(line));
      }
      const index = list.findIndex((c) => c.op === info.op && c.shape === info.shape && c.flavour === 'ours');
      return index >= 0 && (await ask(`prepare ${index}`)) === 'ok' ? { work: list[index].work } : null;
    },
    async run(repeats) { return Number(await ask(`run ${repeats}`)); },
    async release() {},
    close() { child.stdin.end('quit\n'); },
  };
}

// Serves the repository root on the loopback, opens the bench page in
// Debian's Chromium and returns the records it collected.
async function runInBrowser() {
  const { chromium } = require('playwright-core');
  const port = 18000 + (process.pid % 1000);
  const server = spawn(process.execPath, [path.join(ROOT, 'tools/serve.js'), '--root', ROOT, '--port', String(port)],
                       { stdio: ['ignore', 'pipe', 'inherit'] });
  let browser = null;
  try {
    await new Promise((resolve, reject) => {
      server.stdout.on('data', (d) => { if (String(d).includes('http://')) resolve(); });
      server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
                                      args: ['--no-sandbox', '--disable-quic', '--no-first-run',
                                             '--disable-background-networking', '--disable-component-update',
                                             '--disable-sync'] });
    const page = await browser.newPage();
    page.on('console', (message) => { if (message.text().startsWith('bench:')) log(`  [chromium] ${message.text()}`); });
    page.on('pageerror', (error) => log(`  [chromium] page error: ${error}`));
    log(`bench: opening http://127.0.0.1:${port}/tools/bench_page.html in Chromium...`);
    const query = `runs=${runs}${quick ? '&quick=1' : ''}${only ? '&only=' + only.join(',') : ''}`;
    await page.goto(`http://127.0.0.1:${port}/tools/bench_page.html?${query}`);
    await page.waitForFunction(() => window.benchRecords || window.benchError, null, { timeout: 30 * 60 * 1000,
                                                                                       polling: 500 });
    const error = await page.evaluate(() => window.benchError);
    if (error) throw new Error(`bench page: ${error}`);
    return await page.evaluate(() => window.benchRecords);
  } finally {
    if (browser) await browser.close();
    server.kill();
  }
}

async function main() {
  const native = path.join(ROOT, 'build/native/bench');
  const impls = [];
  let cases = null;
  if (!inBrowser) {
    const simdDir = 'build/web', scalarDir = 'build/web-scalar';
    if (!fs.existsSync(path.join(ROOT, simdDir, 'bench.wasm'))) throw new Error(`${simdDir}/bench.wasm is not built: run npm run bench`);
    const simd = wasmImpl(await loadWasmBench(simdDir), 'ours-wasm-simd', 'ours');
    cases = simd.cases;
    impls.push(simd);
    if (fs.existsSync(path.join(ROOT, scalarDir, 'bench.wasm'))) {
      const scalar = wasmImpl(await loadWasmBench(scalarDir), 'ours-wasm-scalar', 'ours');
      // --quick: the scalar build skips the whole-network cases (seconds per call there).
      const prepare = scalar.prepare;
      if (quick) scalar.prepare = async (info) => (info.metric === 'ms' ? null : prepare(info));
      impls.push(scalar);
    }
    impls.push(wasmImpl(await loadWasmBench(simdDir), 'eigen-wasm', 'eigen'));
    if (baselineDir) impls.push(wasmImpl(await loadWasmBench(baselineDir), 'baseline-wasm-simd', 'ours'));
    const tf = loadTfjs();
    for (const [backend, name] of [['wasm', 'tfjs-wasm'], ['cpu', 'tfjs-cpu']]) {
      const impl = tfjsImpl(tf, backend, name);
      await impl.start(log);
      impls.push(impl);
    }
  }
  if (fs.existsSync(native)) impls.push(nativeImpl(native));
  else log(`bench: ${native} is not built; no native column`);

  let records = [];
  if (inBrowser) {
    records.push(...(await runInBrowser()));
    // The native ceiling on the page's cases, interleaved with nothing but itself.
    const seen = [...new Map(records.map((r) => [`${r.op} ${r.shape}`, r])).values()];
    cases = seen.map((r) => ({ op: r.op, shape: r.shape, metric: ['gflops', 'steps_per_s', 'ns_per_op', 'ms'].find((m) => m in r), work: 0 }));
  }
  const wanted = cases.filter((c) => c.flavour === undefined || c.flavour === 'ours').filter((c) => !only || only.includes(c.op));
  if (!inBrowser) log(`bench: ${wanted.length} cases, ${runs} interleaved rounds each: ${impls.map((i) => i.name).join(', ')}`);
  records.push(...(await benchInterleaved(wanted, impls.filter((i) => !inBrowser || i.name === 'ours-native'),
                                          { runs, quick, log })));
  for (const impl of impls) if (impl.close) impl.close();

  fs.mkdirSync(path.join(ROOT, 'build'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'build/bench.json'), JSON.stringify(records, null, 2) + '\n');
  printTable(records);
  console.log(`\n${inBrowser ? 'wasm and tfjs in headless Chromium' : 'wasm and tfjs under node ' + process.version}, ` +
              `native as the ceiling; ${runs} interleaved rounds after warm-up, medians;\n` +
              'GFLOP/s for matmul and conv2d*, training steps/s for mlp_train, ns per recorded op for tape_overhead, ms per call for gatys_iteration, fast_forward and caption_*;\n' +
              'ratios: how many times faster ours-wasm-simd is than the column, median of the per-round ratios (min-max across rounds)');
  console.log(`wrote build/bench.json (${records.length} records)`);
}

// One row per (op, shape), one column per implementation, then the ratios
// of our wasm SIMD build to the others: per round (other's time / ours), the
// median and, in brackets, the smallest and largest.
function ratioText(simd, other) {
  const n = Math.min(simd.unit_ms.length, other.unit_ms.length);
  const perRound = [];
  for (let i = 0; i < n; ++i) perRound.push(other.unit_ms[i] / simd.unit_ms[i]);
  const sorted = perRound.sort((a, b) => a - b);
  return `${sorted[Math.floor(n / 2)].toFixed(2)}x (${sorted[0].toFixed(2)}-${sorted[n - 1].toFixed(2)})`;
}

function printTable(records) {
  const metric = (r) => r.gflops ?? r.steps_per_s ?? r.ns_per_op ?? r.ms;
  const order = ['ours-wasm-simd', 'ours-wasm-scalar', 'baseline-wasm-simd', 'eigen-wasm', 'tfjs-wasm', 'tfjs-cpu', 'ours-native'];
  const impls = order.filter((impl) => records.some((r) => r.impl === impl));
  const rows = [...new Set(records.map((r) => `${r.op} ${r.shape}`))];
  const find = (row, impl) => records.find((r) => `${r.op} ${r.shape}` === row && r.impl === impl);
  const ratios = [['/tfjs-wasm', 'tfjs-wasm'], ['/tfjs-cpu', 'tfjs-cpu'], ['/baseline', 'baseline-wasm-simd'], ['/eigen-wasm', 'eigen-wasm'],
                  ['/scalar', 'ours-wasm-scalar'], ['/native', 'ours-native']]
    .filter(([, impl]) => impls.includes(impl));
  const short = { 'ours-wasm-simd': 'simd', 'ours-wasm-scalar': 'scalar', 'baseline-wasm-simd': 'baseline', 'eigen-wasm': 'eigen-wasm',
                  'tfjs-wasm': 'tfjs-wasm', 'tfjs-cpu': 'tfjs-cpu', 'ours-native': 'native' };
  const width = 10, ratioWidth = 19, rowWidth = Math.max(...rows.map((r) => r.length)) + 1;
  console.log(['op shape'.padEnd(rowWidth), ...impls.map((i) => short[i].padStart(width)),
               ...ratios.map(([label]) => ('simd' + label).padStart(ratioWidth))].join(' '));
  for (const row of rows) {
    const cells = impls.map((impl) => {
      const r = find(row, impl);
      return (r ? metric(r).toPrecision(4) : '-').padStart(width);
    });
    const simd = find(row, 'ours-wasm-simd');
    const ratioCells = ratios.map(([, impl]) => {
      const other = find(row, impl);
      return (simd && other ? ratioText(simd, other) : '-').padStart(ratioWidth);
    });
    console.log([row.padEnd(rowWidth), ...cells, ...ratioCells].join(' '));
  }
}

main().catch((error) => {
  console.error(`bench: ${error.stack || error}`);
  process.exit(1);
});
