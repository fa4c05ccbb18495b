// What every browser test script shares: the server, Chromium's flags, the
// check/assert tally and waiting on window.playgroundStatus().
'use strict';

const path = require('path');
const { spawn } = require('child_process');
const { decodePng, pixelVariety } = require('./png');

const ROOT = path.join(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'build', 'screenshots');
const PORT = Number(process.env.E2E_PORT || 8765);
const BASE = `http://127.0.0.1:${PORT}/`;

const CHROMIUM_ARGS = [
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

const tally = { passed: 0, failed: 0 };
const ONLY = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : null;  // e.g. E2E_ONLY='background|files'
async function check(name, body) {
  if (ONLY && !ONLY.test(name)) return;
  const started = Date.now();
  try {
    await body();
    tally.passed++;
    console.log(`ok   - ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    tally.failed++;
    console.log(`FAIL - ${name}: ${error && error.stack ? error.stack.split('\n').slice(0, 3).join(' | ') : error}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const status = (target) => target.evaluate(() => window.playgroundStatus());

async function waitForStatus(target, predicate, what, timeout = 30000) {
  const deadline = Date.now() + timeout;
  let last = null;
  while (Date.now() < deadline) {
    last = await status(target).catch(() => null);
    if (last && last.ready && predicate(last)) return last;
    const failure = await target.evaluate(() => window.playgroundFailure || null).catch(() => null);
    if (failure) throw new Error(`page shows a failure: ${failure}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; last status: ${JSON.stringify(last)}`);
}

async function screenshotVariety(page, file) {
  const buffer = await page.screenshot({ path: path.join(SHOTS, file) });
  return pixelVariety(decodePng(buffer));
}

async function startServer() {
  const server = spawn(process.execPath, [path.join(ROOT, 'tools', 'serve.js'), '--port', String(PORT)],
                       { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => { if (String(d).includes('http://')) resolve(); });
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return server;
}

module.exports = { ROOT, SHOTS, PORT, BASE, CHROMIUM_ARGS, tally, check, assert, status, waitForStatus,
  screenshotVariety, startServer };
