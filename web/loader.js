// Loads the WebAssembly app with a progress bar, after checking that the
// browser can run it; otherwise explains why not, in words.
'use strict';

(function loadPlayground() {
  // The page's words in the reader's language (issue 14), chosen as the app
  // chooses: `lang=` in the hash, else the browser's first language.
  const KOREAN = {
    'Deep-learning playground': '딥러닝 플레이그라운드',
    'Checking your browser\u2026': '브라우저를 확인하는 중\u2026',
    'Downloading the engine\u2026': '엔진을 내려받는 중\u2026',
    'Downloading the engine: {0} of {1} MB': '엔진을 내려받는 중: {1} MB 중 {0} MB',
    'Compiling\u2026': '컴파일하는 중\u2026',
    'WebAssembly is not available': 'WebAssembly를 쓸 수 없다',
    'This playground runs neural networks in WebAssembly, which this browser does not offer (or has turned off). Try a current Firefox, Chrome, Edge or Safari.':
      '이 플레이그라운드는 신경망을 WebAssembly로 실행하는데, 이 브라우저는 WebAssembly를 지원하지 않거나 꺼 두었다. 최신 Firefox, Chrome, Edge, Safari에서 열어 본다.',
    'WebAssembly SIMD is not available': 'WebAssembly SIMD를 쓸 수 없다',
    'This playground needs WebAssembly SIMD for fast training. It is supported by Chrome and Edge 91+, Firefox 89+ and Safari 16.4+; please update your browser.':
      '빠른 학습을 위해 WebAssembly SIMD가 필요하다. Chrome과 Edge 91 이상, Firefox 89 이상, Safari 16.4 이상이 지원하니 브라우저를 업데이트한다.',
    'WebGL 2 is not available': 'WebGL 2를 쓸 수 없다',
    'This playground draws with WebGL 2, which this browser or graphics driver does not provide (it may be turned off, or hardware acceleration disabled). Try another browser or enable hardware acceleration.':
      '이 플레이그라운드는 WebGL 2로 그리는데, 이 브라우저나 그래픽 드라이버가 WebGL 2를 제공하지 않는다(꺼져 있거나 하드웨어 가속이 꺼졌을 수 있다). 다른 브라우저를 쓰거나 하드웨어 가속을 켠다.',
    'The playground stopped': '플레이그라운드가 멈췄다',
    'Something went wrong inside the engine ({0}). Reloading the page restarts it; your settings are in the address bar.':
      '엔진 안에서 문제가 생겼다({0}). 페이지를 새로 고치면 다시 시작하고, 설정은 주소창에 남아 있다.',
    'Could not load the playground': '플레이그라운드를 불러오지 못했다',
    'app.js did not load; check your connection and reload.': 'app.js를 불러오지 못했다. 연결을 확인하고 새로 고친다.',
    'Could not download the playground': '플레이그라운드를 내려받지 못했다',
    ' Pages opened from a file cannot load WebAssembly; serve the folder (npm start) and open http://127.0.0.1:8080/.':
      ' 파일로 연 페이지는 WebAssembly를 불러올 수 없다. 폴더를 서버로 열고(npm start) http://127.0.0.1:8080/ 을 연다.',
    ' Check your connection and reload.': ' 연결을 확인하고 새로 고친다.',
  };
  const hashLang = /(?:^#|&)lang=([a-z]+)/.exec(location.hash);
  const preferred = String((navigator.languages && navigator.languages[0]) || navigator.language || '');
  const korean = hashLang ? hashLang[1] === 'ko' : /^ko(?:$|[-_])/i.test(preferred);
  // The text in the page's language, with {0}, {1}... filled in.
  function t(english, ...values) {
    const text = (korean && KOREAN[english]) || english;
    return text.replace(/\{(\d)\}/g, (_, i) => values[Number(i)]);
  }
  document.documentElement.lang = korean ? 'ko' : 'en';
  document.title = t('Deep-learning playground');
  for (const heading of document.querySelectorAll('.card h1[data-text]')) heading.textContent = t(heading.dataset.text);
  document.getElementById('loading-text').textContent = t('Checking your browser\u2026');

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
    fail(t('WebAssembly is not available'),
         t('This playground runs neural networks in WebAssembly, which this browser does not offer (or has turned off). ' +
           'Try a current Firefox, Chrome, Edge or Safari.'));
    return;
  }
  if (!supportsWasmSimd()) {
    fail(t('WebAssembly SIMD is not available'),
         t('This playground needs WebAssembly SIMD for fast training. It is supported by Chrome and Edge 91+, ' +
           'Firefox 89+ and Safari 16.4+; please update your browser.'));
    return;
  }
  if (!supportsWebGL2()) {
    fail(t('WebGL 2 is not available'),
         t('This playground draws with WebGL 2, which this browser or graphics driver does not provide ' +
           '(it may be turned off, or hardware acceleration disabled). Try another browser or enable hardware acceleration.'));
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
      setProgress(received / total, t('Downloading the engine: {0} of {1} MB', (received / 1048576).toFixed(1),
                                      (total / 1048576).toFixed(1)));
    }
    return bytes.subarray(0, received);
  }

  setProgress(0, t('Downloading the engine\u2026'));
  download('app.wasm').then((wasmBinary) => {
    setProgress(null, t('Compiling\u2026'));
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
        fail(t('The playground stopped'), t('Something went wrong inside the engine ({0}). Reloading the page ' +
             'restarts it; your settings are in the address bar.', reason));
      },
    };
    const script = document.createElement('script');
    script.src = 'app.js';
    script.onerror = () => fail(t('Could not load the playground'), t('app.js did not load; check your connection and reload.'));
    document.body.appendChild(script);
  }).catch((error) => {
    const hint = location.protocol === 'file:'
      ? t(' Pages opened from a file cannot load WebAssembly; serve the folder (npm start) and open http://127.0.0.1:8080/.')
      : t(' Check your connection and reload.');
    fail(t('Could not download the playground'), String(error.message || error) + '.' + hint);
  });
})();
