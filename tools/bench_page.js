// The browser side of `npm run bench -- --browser`: loads our wasm builds
// (SIMD, a second SIMD instance for Eigen's product, scalar) and TensorFlow.js
// (wasm backend single-threaded SIMD, cpu backend) into this page, times them
// interleaved round by round (tools/bench_driver.js), then leaves every record
// in window.benchRecords (or window.benchError).
'use strict';

(async function () {
  const params = new URLSearchParams(location.search);
  const runs = Number(params.get('runs') || '11');
  const quick = params.get('quick') === '1';
  const only = params.get('only') ? params.get('only').split(',') : null;
  const logElement = document.getElementById('log');
  const log = (text) => { logElement.textContent += '\n' + text; console.log(text); };

  function loadScript(url) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = url;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`could not load ${url}`));
      document.head.appendChild(script);
    });
  }

  // Each build's bench.js defines createBenchModule; keep each build's factory.
  async function loadBuild(url) {
    await loadScript(url);
    const factory = window.createBenchModule;
    window.createBenchModule = undefined;
    return () => factory({ print: log, printErr: log, locateFile: (file) => url.replace(/[^/]*$/, '') + file });
  }

  try {
    const simdBuild = await loadBuild('/build/web/bench.js');
    const scalarBuild = await loadBuild('/build/web-scalar/bench.js');
    const simd = benchDriver.wasmImpl(await simdBuild(), 'ours-wasm-simd', 'ours');
    const impls = [simd, benchDriver.wasmImpl(await scalarBuild(), 'ours-wasm-scalar', 'ours'),
                   benchDriver.wasmImpl(await simdBuild(), 'eigen-wasm', 'eigen')];
    tf.wasm.setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    for (const [backend, name] of [['wasm', 'tfjs-wasm'], ['cpu', 'tfjs-cpu']]) {
      const impl = tfjsImpl(tf, backend, name);
      await impl.start(log);
      impls.push(impl);
    }
    const cases = simd.cases.filter((c) => c.flavour === 'ours' && (!only || only.includes(c.op)));
    window.benchRecords = await benchDriver.benchInterleaved(cases, impls, { runs, quick, log });
    log('done');
  } catch (error) {
    window.benchError = String(error && error.stack || error);
    log(window.benchError);
  }
})();
