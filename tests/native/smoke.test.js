#!/usr/bin/env node
// Headless smoke test of the desktop app under Xvfb: it must start, render
// non-blank frames, apply URL state from its command line, train, and exit.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { decodePng, pixelVariety } = require('../browser/png');

const ROOT = path.join(__dirname, '..', '..');
const APP = path.join(ROOT, 'build/native/playground');
const SHOTS = path.join(ROOT, 'build/screenshots');
const { check, finish } = require('../checks').createChecks('native');

// Runs the app for some frames under a fresh virtual display.
function runApp(args) {
  const result = spawnSync('xvfb-run', ['-a', '-s', '-screen 0 1280x800x24', APP, ...args],
                           { encoding: 'utf8', timeout: 60000 });
  if (result.status !== 0) throw new Error(`exit ${result.status}: ${result.stderr}`);
  const line = result.stdout.trim().split('\n').pop();
  return JSON.parse(line);
}

function expectNotBlank(file) {
  const v = pixelVariety(decodePng(fs.readFileSync(file)));
  if (v.distinctColors < 20 || v.nonBackground < 0.3) throw new Error(`${file} looks blank: ${JSON.stringify(v)}`);
}

fs.mkdirSync(SHOTS, { recursive: true });

check('desktop app trains from URL state and renders', () => {
  const shot = path.join(SHOTS, 'native-perceptron.png');
  const s = runApp(['demo=perceptron&mode=perceptron&run=1&p_speed=1000&p_spread=1.2', '--frames', '40', '--screenshot', shot,
                    '--print-status']);
  if (s.demo !== 'perceptron' || s.frame !== 40) throw new Error(JSON.stringify(s));
  if (!(s.step > 0)) throw new Error(`no training steps: ${s.step}`);
  if (Math.abs(s.state.p_spread - 1.2) > 1e-6) throw new Error(`spread ${s.state.p_spread}`);
  expectNotBlank(shot);
});

check('desktop app in embed mode shows the chosen demo', () => {
  const shot = path.join(SHOTS, 'native-embed-activations.png');
  const s = runApp(['demo=activations&fn=gelu&all=1', '--embed', '--frames', '10', '--screenshot', shot, '--print-status']);
  if (s.demo !== 'activations' || s.embed !== true || s.state.fn !== 'gelu') throw new Error(JSON.stringify(s));
  expectNotBlank(shot);
});

check('desktop app survives a garbage URL state', () => {
  const s = runApp(['demo=%%%&w1=abc&&=&zz', '--frames', '5', '--print-status']);
  if (s.frame !== 5 || s.notices.length < 3) throw new Error(JSON.stringify(s));
});

check('desktop app starts with --input and --output files, even a missing or oversized input', () => {
  const big = path.join(SHOTS, 'native-oversized-input.bin');
  fs.writeFileSync(big, Buffer.alloc(33 * 1024 * 1024));
  for (const input of ['/nonexistent/photo.jpg', big]) {
    const s = runApp(['demo=activations', '--input', input, '--output', path.join(SHOTS, 'native-output.png'),
                      '--frames', '3', '--print-status']);
    if (s.frame !== 3) throw new Error(JSON.stringify(s));
  }
  fs.unlinkSync(big);
});

check('desktop app rejects an unknown flag with usage', () => {
  const result = spawnSync(APP, ['--bogus'], { encoding: 'utf8' });
  if (result.status !== 2 || !/usage/.test(result.stderr) || !/--input/.test(result.stderr)) throw new Error(`exit ${result.status}`);
});

finish();
