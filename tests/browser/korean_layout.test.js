#!/usr/bin/env node
// Korean and small screens in Chromium (issue 14): Hangul is drawn, not
// boxes; every demo and tab at a phone's 390x844 (3x, touch) and in 700x450
// and 860x540 embeds draws no text cut by its window's edge, in both
// languages; the language follows the browser and switches without losing
// state; "Save view" downloads the main view as a PNG. Screenshots go to
// build/screenshots/korean-layout/. Final line: "layout: N passed, M failed".
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { decodePng, pixelVariety } = require('./png');
const { SHOTS, BASE, CHROMIUM_ARGS, check, assert, status, waitForStatus, startServer, tally } = require('./harness');

const OUT = path.join(SHOTS, 'korean-layout');
const DEMOS = ['perceptron', 'activations', 'dropout', 'temperature', 'style', 'caption'];
const SIZES = [
  { name: 'phone-390x844', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true,
    embed: false },
  { name: 'embed-700x450', viewport: { width: 700, height: 450 }, embed: true },
  { name: 'embed-860x540', viewport: { width: 860, height: 540 }, embed: true },
];

const center = (rect) => [rect[0] + rect[2] / 2, rect[1] + rect[3] / 2];

// Shows `hash` and waits until the app has applied it and drawn a few frames.
async function show(page, hash, ready, what) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  const applied = await waitForStatus(page, ready, what, 60000);
  return waitForStatus(page, (t) => t.frame >= applied.frame + 6, `${what}: frames`, 60000);
}

// The tab field of a demo's state (`view`, or the perceptron's `mode`) and its values.
function tabsOf(s) {
  for (const key of ['view', 'mode']) if (s.choices && s.choices[key]) return { key, values: s.choices[key] };
  return { key: null, values: [null] };
}

// Splits the ink of a one-line crop into glyph-sized cells (runs of columns
// with ink) and returns each cell's thresholded bitmap as a string.
function glyphCells(png, x0, y0, width, height) {
  const colour = (x, y) => {
    const i = ((y0 + y) * png.width + (x0 + x)) * png.channels;
    return [png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]];
  };
  // The background is the crop's most common colour.
  const counts = new Map();
  for (let y = 0; y < height; ++y) for (let x = 0; x < width; ++x) {
    const key = colour(x, y).join();
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const background = [...counts].sort((a, b) => b[1] - a[1])[0][0].split(',').map(Number);
  const ink = (x, y) => {
    const i = ((y0 + y) * png.width + (x0 + x)) * png.channels;
    return Math.abs(png.pixels[i] - background[0]) + Math.abs(png.pixels[i + 1] - background[1]) +
      Math.abs(png.pixels[i + 2] - background[2]) > 90;
  };
  const cells = [];
  let start = -1;
  for (let x = 0; x <= width; ++x) {
    let any = false;
    for (let y = 0; x < width && y < height && !any; ++y) any = ink(x, y);
    if (any && start < 0) start = x;
    if (!any && start >= 0) {
      let bits = '';
      for (let y = 0; y < height; ++y) for (let cx = start; cx < x; ++cx) bits += ink(cx, y) ? '1' : '0';
      cells.push(`${x - start}:${bits}`);
      start = -1;
    }
  }
  return cells;
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    await check('lang=ko draws Hangul: the title\'s syllables are distinct glyphs, not one repeated box', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(BASE + '#demo=activations&lang=ko');
      await waitForStatus(page, (t) => t.frame >= 1, 'the first frame');
      // Reported, not asserted: a wall-clock time on a shared machine is a measurement, not a check.
      console.log(`       first frame ${Date.now() - started} ms after navigation (lang=ko, SwiftShader)`);
      const s = await waitForStatus(page, (t) => t.frame > 10 && t.lang === 'ko', 'Korean frames');
      assert(s.layout === 'wide', `layout ${s.layout} at 1280x800`);
      const png = decodePng(await page.screenshot({ path: path.join(OUT, 'hangul-title.png') }));
      // The side panel's first line, "딥러닝 플레이그라운드": ten syllables in eight or
      // more distinct shapes. A missing glyph would draw the same fallback ten times.
      const cells = glyphCells(png, 12, 13, 190, 18);
      const distinct = new Set(cells).size;
      assert(cells.length >= 9 && distinct >= 8, `${cells.length} glyph cells, ${distinct} distinct`);
      await page.evaluate(() => { location.hash = '#demo=activations&lang=en'; });
      await waitForStatus(page, (t) => t.lang === 'en' && t.frame > s.frame + 6, 'English frames');
      const english = decodePng(await page.screenshot());
      const englishCells = glyphCells(english, 12, 13, 190, 18);
      assert(englishCells.join() !== cells.join(), 'the title looks the same in English and Korean');
      await context.close();
    });

    await check('the language follows the browser (ko-KR) and the loader page speaks it', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
      const page = await context.newPage();
      await page.goto(BASE + '#demo=dropout');
      const s = await waitForStatus(page, (t) => t.frame > 3, 'frames');
      assert(s.lang === 'ko', `lang ${s.lang} under a ko-KR browser`);
      assert(/&lang=ko$/.test(s.hash), `the link does not carry the language: ${s.hash}`);
      const page_ = await page.evaluate(() => ({ title: document.title, lang: document.documentElement.lang }));
      assert(page_.title === '딥러닝 플레이그라운드' && page_.lang === 'ko', JSON.stringify(page_));
      await context.close();
    });

    await check('switching the language keeps the demo training and its state, and rewrites the link', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(BASE + '#demo=perceptron&mode=perceptron&run=1&p_speed=30&p_seed=4&lang=en');
      const before = await waitForStatus(page, (t) => t.step > 5, 'training');
      await page.mouse.click(...center(before.buttons.language_korean));
      const after = await waitForStatus(page, (t) => t.lang === 'ko' && t.step > before.step, 'Korean, still training');
      assert(after.state.p_seed === 4 && after.state.run === true && after.state.mode === 'perceptron',
             `state changed: ${JSON.stringify(after.state)}`);
      const hash = await page.evaluate(async () => {
        for (let i = 0; i < 50 && !/lang=ko/.test(location.hash); ++i) await new Promise((r) => setTimeout(r, 100));
        return location.hash;
      });
      assert(/lang=ko/.test(hash), `the address bar says ${hash}`);
      await context.close();
    });

    await check('Save view downloads the main view as a PNG of the view\'s size', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(BASE + '#demo=activations&fn=tanh&lang=ko');
      const s = await waitForStatus(page, (t) => t.frame > 10, 'frames');
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }),
        page.mouse.click(...center(s.buttons.save_view))]);
      assert(download.suggestedFilename() === 'activations-view.png', download.suggestedFilename());
      const file = path.join(OUT, 'saved-view-activations.png');
      await download.saveAs(file);
      const png = decodePng(fs.readFileSync(file));
      const v = pixelVariety(png);
      assert(png.width > 600 && png.width < 1280 && png.height > 500 && png.height < 800, `${png.width}x${png.height}`);
      assert(v.distinctColors >= 8, `the saved view looks blank: ${JSON.stringify(v)}`);
      await context.close();
    });

    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor || 1,
                                                 isMobile: !!size.isMobile, hasTouch: !!size.hasTouch });
      const page = await context.newPage();
      await page.goto(BASE + (size.embed ? '?embed=1' : '') + '#demo=perceptron&lang=ko');
      await waitForStatus(page, (t) => t.frame > 3, `${size.name}: first frames`, 60000);
      for (const lang of ['ko', 'en']) {
        for (const demo of DEMOS) {
          await check(`${size.name} ${lang} ${demo}: every tab without clipped text`, async () => {
            const first = await show(page, `#demo=${demo}&lang=${lang}`, (t) => t.demo === demo && t.lang === lang, demo);
            assert(first.layout === 'narrow', `${size.name} is laid out ${first.layout}`);
            const tabs = tabsOf(first);
            const problems = [];
            // English: the first tab is enough to catch a layout that only fits Korean.
            for (const value of lang === 'ko' ? tabs.values : tabs.values.slice(0, 1)) {
              const hash = `#demo=${demo}${value ? `&${tabs.key}=${value}` : ''}&lang=${lang}`;
              let s = await show(page, hash, (t) => t.demo === demo && (!value || t.state[tabs.key] === value), hash);
              const name = `${size.name}-${lang}-${demo}${value ? '-' + value : ''}`;
              await page.screenshot({ path: path.join(OUT, `${name}.png`) });
              if (s.clipped_glyphs !== 0)
                problems.push(`${value || demo}: ${s.clipped_glyphs} clipped glyphs at ${JSON.stringify(s.clipped_glyphs_at)}`);
              if (size.hasTouch && lang === 'ko') {
                // The drawer, opened with a finger: its controls must fit too.
                await page.touchscreen.tap(...center(s.buttons.controls_toggle));
                s = await waitForStatus(page, (t) => t.controls_open, `${name}: drawer open`);
                s = await waitForStatus(page, (t) => t.frame >= s.frame + 6, `${name}: drawer frames`);
                await page.screenshot({ path: path.join(OUT, `${name}-controls.png`) });
                if (s.clipped_glyphs !== 0)
                  problems.push(`${value || demo} controls: ${s.clipped_glyphs} clipped glyphs at ${JSON.stringify(s.clipped_glyphs_at)}`);
                await page.touchscreen.tap(...center(s.buttons.controls_toggle));
                await waitForStatus(page, (t) => !t.controls_open, `${name}: drawer closed`);
              }
            }
            assert(problems.length === 0, problems.join('; '));
          });
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
  console.log(`layout: ${tally.passed} passed, ${tally.failed} failed`);
  process.exit(tally.failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.log(`FAIL - layout test harness: ${error.stack || error}`);
  console.log(`layout: ${tally.passed} passed, ${tally.failed + 1} failed`);
  process.exit(1);
});
