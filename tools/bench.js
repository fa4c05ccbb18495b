#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --browser]`: runs, back to back in one
// script, the benchmark program of every build of ours (native, wasm SIMD,
// wasm scalar under node, plus Eigen's own product in the wasm SIMD build)
// and TensorFlow.js on the same shapes in this process (wasm backend =
// XNNPACK single-threaded SIMD; cpu backend = plain JS). With --browser the
// wasm and TensorFlow.js runs happen in headless Chromium instead
// (tools/bench_page.html); the native one stays the ceiling. Prints a table
// with ratios measured in this run and writes build/bench.json.
// Shared machines are noisy: compare ratios from one run, not absolute times.
'use strict';

const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { benchTfjs } = require('./bench_tfjs');

const ROOT = path.join(__dirname, '..');
const runs = process.argv.includes('--quick') ? 5 : 11;
const inBrowser = process.argv.includes('--browser');
const log = (text) => process.stderr.write(text + '\n');

const node = [process.execPath, '--no-experimental-fetch'];
const builds = [
  { impl: 'ours-native', command: [path.join(ROOT, 'build/native/bench')] },
  { impl: 'ours-wasm-simd', command: [...node, path.join(ROOT, 'build/web/bench.js'), '--eigen-impl', 'eigen-wasm'] },
  { impl: 'ours-wasm-scalar', command: [...node, path.join(ROOT, 'build/web-scalar/bench.js')] },
];

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

// Serves the repository root on the loopback, opens the bench page in
// Debian's Chromium and returns the records it collected.
async function runInBrowser() {
  const { spawn } = require('child_process');
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
    await page.goto(`http://127.0.0.1:${port}/tools/bench_page.html?runs=${runs}`);
    await page.waitForFunction(() => window.benchRecords || window.benchError, null, { timeout: 15 * 60 * 1000,
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
  const records = [];
  for (const build of inBrowser ? builds.slice(0, 1) : builds) {
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
  if (inBrowser) {
    records.push(...(await runInBrowser()));
  } else {
    const tf = loadTfjs();
    records.push(...(await benchTfjs(tf, 'wasm', 'tfjs-wasm', runs, log)));
    records.push(...(await benchTfjs(tf, 'cpu', 'tfjs-cpu', runs, log)));
  }

  fs.mkdirSync(path.join(ROOT, 'build'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'build/bench.json'), JSON.stringify(records, null, 2) + '\n');
  printTable(records);
  console.log(`\n${inBrowser ? 'wasm and tfjs in headless Chromium' : 'wasm and tfjs under node ' + process.version}, ` +
              `native as the ceiling; median of ${runs} runs after warm-up;\n` +
              'GFLOP/s for matmul and conv2d, training steps/s for mlp_train; ratios are ours-wasm-simd / the column');
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
