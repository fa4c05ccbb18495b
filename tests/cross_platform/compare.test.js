#!/usr/bin/env node
// Same numbers everywhere: runs the fingerprint program natively and in
// WebAssembly (node) and compares. Integers and hashes must match exactly;
// floats within a relative 1e-5 (libm differs in the last bits).
'use strict';

const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.join(__dirname, '..', '..');
const { check, finish } = require('../checks').createChecks('cross-platform');

function close(a, b) {
  return Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(a), Math.abs(b));
}

let native, wasm;
check('fingerprint runs natively and in wasm', () => {
  native = JSON.parse(execFileSync(path.join(ROOT, 'build/native/fingerprint'), { encoding: 'utf8' }));
  wasm = JSON.parse(execFileSync(process.execPath, ['--no-experimental-fetch', path.join(ROOT, 'build/web/fingerprint.js')],
                                 { encoding: 'utf8' }));
});

if (native && wasm) {
  check('PCG32 draws are bit-identical', () => {
    if (JSON.stringify(native.pcg32) !== JSON.stringify(wasm.pcg32)) throw new Error(`${native.pcg32} vs ${wasm.pcg32}`);
    if (JSON.stringify(native.uniform) !== JSON.stringify(wasm.uniform)) throw new Error('uniform floats differ');
  });
  check('a seeded perceptron run ends with the same weights and losses', () => {
    const a = native.perceptron, b = wasm.perceptron;
    if (a.hash !== b.hash) throw new Error(`state ${a.hash} vs ${b.hash}`);
    for (const key of Object.keys(a)) {
      if (key !== 'hash' && !close(a[key], b[key])) throw new Error(`${key}: ${a[key]} vs ${b[key]}`);
    }
    if (a.step !== 500) throw new Error(`expected 500 updates, got ${a.step}`);
  });
  check('a seeded 2-8-8-1 MLP has the same loss after 100 Adam steps (1e-4 relative)', () => {
    const a = native.mlp_loss_after_100_steps, b = wasm.mlp_loss_after_100_steps;
    if (!(a > 0) || Math.abs(a - b) > 1e-4 * Math.abs(a)) throw new Error(`${a} vs ${b}`);
    console.log(`       loss after 100 steps: native ${a}, wasm ${b}`);
  });
  check('the dropout demo\'s two networks agree to every bit after 300 steps (deterministic maths)', () => {
    const a = native.dropout_twins_after_300_steps, b = wasm.dropout_twins_after_300_steps;
    if (a.length !== 8 || JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${a} vs ${b}`);
    console.log(`       dropout twins after 300 steps: [${a.join(', ')}] in both builds`);
  });
  check('the MLP demo\'s model (dense stack, dropout, L2, Adam) has the same weight bits after 400 steps', () => {
    const a = native.mlp_demo_after_400_steps, b = wasm.mlp_demo_after_400_steps;
    if (!a || a.length !== 4 || a[0] !== 400 || JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${a} vs ${b}`);
    console.log(`       MLP demo after 400 steps: weights CRC-32 ${a[1]}, losses ${a[2]} / ${a[3]} in both builds`);
  });
  check('the fast style network gives the same bits (CRC-32 of its picture)', () => {
    const a = native.fast_style_64_crc32, b = wasm.fast_style_64_crc32;
    if (typeof a !== 'number' || a !== b) throw new Error(`${a} vs ${b}`);
    console.log(`       fast network picture CRC-32 ${a} in both builds`);
  });
  check('the attention captioner gives bit-identical log-probabilities and attention (CRC-32 of six steps)', () => {
    const a = native.captioner_steps_crc32, b = wasm.captioner_steps_crc32;
    if (typeof a !== 'number' || a !== b) throw new Error(`${a} vs ${b}`);
    console.log(`       captioner steps CRC-32 ${a} in both builds`);
  });
  check('three Gatys iterations give bit-identical losses and pictures', () => {
    const a = native.gatys_total_loss_per_iteration, b = wasm.gatys_total_loss_per_iteration;
    if (a.length !== 3) throw new Error(`expected 3 losses, got ${a}`);
    a.forEach((v, i) => { if (!(v > 0) || v !== b[i]) throw new Error(`iteration ${i + 1}: ${v} vs ${b[i]}`); });
    const p = native.gatys_pixels_crc32, q = wasm.gatys_pixels_crc32;
    if (typeof p !== 'number' || p !== q) throw new Error(`picture CRC-32 ${p} vs ${q}`);
    console.log(`       Gatys total loss [${a.join(', ')}], picture CRC-32 ${p} in both builds`);
  });
  check('activation values and derivatives agree', () => {
    native.activations.forEach((v, i) => {
      if (!close(v, wasm.activations[i])) throw new Error(`index ${i}: ${v} vs ${wasm.activations[i]}`);
    });
  });
}

finish();
