// The browser side of `npm run bench -- --browser`: runs our wasm builds
// (SIMD with Eigen's product alongside, and scalar) and TensorFlow.js (wasm
// backend single-threaded SIMD, cpu backend) one after another in this page,
// then leaves every record in window.benchRecords (or window.benchError).
'use strict';

(async function () {
  const params = new URLSearchParams(location.search);
  const runs = params.get('runs') || '11';
  const logElement = document.getElementById('log');
  const log = (text) => { logElement.textContent += '\n' + text; console.log(text); };
  const records = [];

  function loadScript(url) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`could not load ${url}`));
      document.head.appendChild(script);
    });
  }

  // Each build defines createBenchModule; main() has run when its promise resolves.
  async function runOurs(impl, url, extraArguments) {
    log(`bench: running ${impl}...`);
    await loadScript(url);
    const factory = window.createBenchModule;
    window.createBenchModule = undefined;  // the next build defines its own
    await factory({
      arguments: ['--impl', impl, '--runs', runs, ...extraArguments],
      print: (line) => { if (line.startsWith('{')) records.push(JSON.parse(line)); },
      printErr: (line) => log(line),
      locateFile: (file) => url.replace(/[^/]*$/, '') + file,
    });
  }

  try {
    await runOurs('ours-wasm-simd', '/build/web/bench_page.js', ['--eigen-impl', 'eigen-wasm']);
    await runOurs('ours-wasm-scalar', '/build/web-scalar/bench_page.js', []);
    tf.wasm.setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    records.push(...(await benchTfjs(tf, 'wasm', 'tfjs-wasm', Number(runs), log)));
    records.push(...(await benchTfjs(tf, 'cpu', 'tfjs-cpu', Number(runs), log)));
    window.benchRecords = records;
    log('done');
  } catch (error) {
    window.benchError = String(error && error.stack || error);
    log(window.benchError);
  }
})();
