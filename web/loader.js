// Loads the WebAssembly app with a progress bar, after checking that the
// browser can run it; otherwise explains why not, in words.
'use strict';

(function loadPlayground() {
  const loading = document.getElementById('loading');
  const loadingText = document.getElementById('loading-text');
  const fill = document.getElementById('progress-fill');
  const canvas = document.getElementById('canvas');

  function fail(title, text) {
    loading.hidden = true;
    document.getElementById('failure-title').textContent = title;
    document.getElementById('failure-text').textContent = text;
    document.getElementById('failure').hidden = false;
    window.playgroundFailure = title + ': ' + text;  // for tests
  }

  // A module whose one function uses a v128 type and SIMD instructions.
  function supportsWasmSimd() {
    try {
      return WebAssembly.validate(new Uint8Array([
        0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
        10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]));
    } catch (e) {
      return false;
    }
  }

  function supportsWebGL2() {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      if (!gl) return false;
      const lose = gl.getExtension('WEBGL_lose_context');
      if (lose) lose.loseContext();
      return true;
    } catch (e) {
      return false;
    }
  }

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fail('WebAssembly is not available',
         'This playground runs neural networks in WebAssembly, which this browser does not offer (or has turned off). ' +
         'Try a current Firefox, Chrome, Edge or Safari.');
    return;
  }
  if (!supportsWasmSimd()) {
    fail('WebAssembly SIMD is not available',
         'This playground needs WebAssembly SIMD for fast training. It is supported by Chrome and Edge 91+, ' +
         'Firefox 89+ and Safari 16.4+; please update your browser.');
    return;
  }
  if (!supportsWebGL2()) {
    fail('WebGL 2 is not available',
         'This playground draws with WebGL 2, which this browser or graphics driver does not provide ' +
         '(it may be turned off, or hardware acceleration disabled). Try another browser or enable hardware acceleration.');
    return;
  }

  canvas.addEventListener('contextmenu', (event) => event.preventDefault());

  function setProgress(fraction, text) {
    fill.parentElement.classList.toggle('indeterminate', fraction === null);
    if (fraction !== null) fill.style.width = (100 * fraction).toFixed(1) + '%';
    loadingText.textContent = text;
  }

  async function download(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
    const total = Number(response.headers.get('Content-Length')) || 0;
    if (!response.body || !total) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const bytes = new Uint8Array(total);
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (received + value.length > total) throw new Error(url + ': longer than announced');
      bytes.set(value, received);
      received += value.length;
      setProgress(received / total, 'Downloading the engine: ' + (received / 1048576).toFixed(1) + ' of ' +
                  (total / 1048576).toFixed(1) + ' MB');
    }
    return bytes.subarray(0, received);
  }

  setProgress(0, 'Downloading the engine\u2026');
  download('app.wasm').then((wasmBinary) => {
    setProgress(null, 'Compiling\u2026');
    window.Module = {
      canvas,
      wasmBinary,
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      onRuntimeInitialized() {
        window.Module.playgroundReady = true;
        loading.hidden = true;
        canvas.focus();
      },
      onAbort(reason) {
        fail('The playground stopped', 'Something went wrong inside the engine (' + reason + '). Reloading the page ' +
             'restarts it; your settings are in the address bar.');
      },
    };
    const script = document.createElement('script');
    script.src = 'app.js';
    script.onerror = () => fail('Could not load the playground', 'app.js did not load; check your connection and reload.');
    document.body.appendChild(script);
  }).catch((error) => {
    const hint = location.protocol === 'file:'
      ? ' Pages opened from a file cannot load WebAssembly; serve the folder (npm start) and open http://127.0.0.1:8080/.'
      : ' Check your connection and reload.';
    fail('Could not download the playground', String(error.message || error) + '.' + hint);
  });
})();
