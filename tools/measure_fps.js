#!/usr/bin/env node
// `node tools/measure_fps.js [seconds]`: the frame rate of each training tab
// in headless Chromium (SwiftShader WebGL2), idle and while training, from the
// app's own playgroundStatus() (fps: ImGui's running average; longest frame
// of the last second). A measurement, not a test: it runs on wall-clock time,
// so it is never part of `npm test` (issue 15 asks for these numbers, before
// and after a change). Needs the web build in dist/ (npm start or npm test).
// FPS_ONLY=MLP (or dropout, language) measures only the tabs whose name starts so.
'use strict';

const { chromium } = require('playwright-core');
const { BASE, CHROMIUM_ARGS, status, waitForStatus, startServer } = require('../tests/browser/harness');

const seconds = Number(process.argv[2]) || 6;

// Each tab: its idle URL, the same with training on, and what "loaded and
// training" looks like in the status (training must really be running).
const TABS = [
  { name: 'MLP, as fast as possible', idle: '#demo=perceptron&mode=mlp&speed=max',
    training: '#demo=perceptron&mode=mlp&speed=max&run=1', ready: (s) => s.step > 100 },
  { name: 'dropout twins', idle: '#demo=dropout', training: '#demo=dropout&run=1',
    ready: (s) => s.data_ready === 1 && s.plain_step > 0 },
  { name: 'language model', idle: '#demo=temperature&view=lm', training: '#demo=temperature&view=lm&lm_train=1',
    ready: (s) => s.lm_loaded === 1 && s.lm_steps > 0 },
];

async function sample(page, url, ready) {
  await page.goto(BASE + url);
  await waitForStatus(page, ready, `${url} to be ready`, 120000);
  await new Promise((r) => setTimeout(r, 1500));  // past the loading frames
  const fps = [], longest = [];
  for (let t = 0; t < seconds; ++t) {
    await new Promise((r) => setTimeout(r, 1000));
    const s = await status(page);
    fps.push(s.fps);
    longest.push(s.longest_frame_ms);
  }
  const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const last = await status(page);
  // What the tab got done meanwhile, in its own unit.
  const rate = last.steps_per_second !== undefined ? `${last.steps_per_second.toFixed(0)} steps/s`
    : last.images_per_second !== undefined ? `${last.images_per_second.toFixed(0)} images/s`
    : last.lm_steps !== undefined ? `${last.lm_steps} chunks so far` : '-';
  return { fps: median(fps), longest: Math.max(...longest), rate };
}

async function main() {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    console.log(`tab                         idle fps  training fps  longest frame (training)  training rate  (over ${seconds} s)`);
    for (const tab of TABS.filter((t) => !process.env.FPS_ONLY || t.name.startsWith(process.env.FPS_ONLY))) {
      const idle = await sample(page, tab.idle, (s) => s.frame > 30);
      const busy = await sample(page, tab.training, tab.ready);
      console.log(`${tab.name.padEnd(28)}${idle.fps.toFixed(1).padStart(8)}${busy.fps.toFixed(1).padStart(14)}` +
                  `${(busy.longest.toFixed(0) + ' ms').padStart(26)}  ${busy.rate}`);
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error) => {
  console.error(`measure_fps: ${error.stack || error}`);
  process.exit(1);
});
