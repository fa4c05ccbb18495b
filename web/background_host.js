// The page's side of background jobs (app/background_web.cpp calls these):
// one Web Worker per task, each with its own wasm instance (dist/compute_worker.js
// and .wasm), talking by postMessage with transferable ArrayBuffers.
//
// It must work in a plain page, in <iframe sandbox="allow-scripts"> and under
// the page's CSP. In the sandbox the document's origin is opaque, so
// `new Worker('compute_worker.js')` throws; instead the script text is fetched
// and started from a Blob URL (CSP: worker-src blob:). The wasm is compiled once
// here and the compiled module posted to each worker, so a respawn is cheap.
//
// Stale results never reach the app: every start bumps the task's generation
// and messages of older generations (or of a terminated worker) are dropped.
// Cancelling or restarting a busy task terminates its worker at once, even in
// the middle of a long step; a fresh worker is spawned for the next start.
'use strict';

window.playgroundBackground = (function backgroundHost() {
  const tasks = new Map();  // id -> task
  let nextId = 1;
  let assets = null;        // Promise of {scriptUrl, module, wasmUrl}

  function loadAssets() {
    if (!assets) {
      const scriptUrl = new URL('compute_worker.js', location.href).href;
      const wasmUrl = new URL('compute_worker.wasm', location.href).href;
      const fetchOk = (url) => fetch(url).then((response) => {
        if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
        return response;
      });
      const script = fetchOk(scriptUrl).then((r) => r.text())
        .then((text) => URL.createObjectURL(new Blob([text], { type: 'text/javascript' })));
      const module = fetchOk(wasmUrl).then((r) => r.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes));
      assets = Promise.all([script, module]).then(([blobUrl, compiled]) => ({ blobUrl, module: compiled, wasmUrl }));
      assets.catch(() => { assets = null; });  // a later start tries again
    }
    return assets;
  }

  function fail(task, text) {
    if (task.worker) task.worker.terminate();
    task.worker = null;
    task.busy = false;
    task.state = 'error';
    task.error = text;
  }

  function spawn(task, loaded) {
    const worker = new Worker(loaded.blobUrl);
    worker.onmessage = (event) => {
      if (task.worker !== worker) return;  // a terminated worker's last words
      const m = event.data;
      if (m.type === 'fatal') {
        fail(task, m.text);
        return;
      }
      if (m.generation !== task.generation) return;
      if (m.type === 'message') {
        task.queue.push(new Uint8Array(m.bytes));
      } else if (m.type === 'done') {
        task.busy = false;
        task.state = 'done';
      } else if (m.type === 'error') {
        task.busy = false;
        task.state = 'error';
        task.error = m.text;
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (task.worker === worker) fail(task, 'the compute worker stopped (' + (event.message || 'error') + ')');
    };
    try {
      worker.postMessage({ type: 'init', module: loaded.module, maxQueued: task.maxQueued });
    } catch (e) {
      // A browser that cannot post compiled modules: the worker fetches the wasm itself.
      worker.postMessage({ type: 'init', wasmUrl: loaded.wasmUrl, maxQueued: task.maxQueued });
    }
    task.worker = worker;
  }

  function stopBusyWorker(task) {
    if (task.worker && task.busy) {
      task.worker.terminate();
      task.worker = null;
    }
    task.busy = false;
  }

  return {
    create(maxQueued) {
      const id = nextId++;
      tasks.set(id, { worker: null, busy: false, generation: 0, state: 'idle', error: '', queue: [], maxQueued });
      return id;
    },

    start(id, kind, bytes) {
      const task = tasks.get(id);
      stopBusyWorker(task);
      const generation = ++task.generation;
      task.queue = [];
      task.error = '';
      task.state = 'running';
      const input = bytes.slice().buffer;  // our own copy, transferred to the worker
      loadAssets().then((loaded) => {
        if (task.generation !== generation) return;  // restarted or cancelled meanwhile
        if (!task.worker) spawn(task, loaded);
        task.busy = true;
        task.worker.postMessage({ type: 'start', generation, kind, input }, [input]);
      }, (error) => {
        if (task.generation === generation) fail(task, 'could not load the compute worker (' + (error.message || error) + ')');
      });
    },

    cancel(id) {
      const task = tasks.get(id);
      stopBusyWorker(task);
      ++task.generation;
      task.queue = [];
      task.state = 'idle';
      task.error = '';
    },

    // Size of the next message in bytes, or -1 if none is waiting.
    nextSize(id) {
      const task = tasks.get(id);
      return task.queue.length ? task.queue[0].length : -1;
    },

    // Removes the next message and tells the worker it may run one more ahead.
    take(id) {
      const task = tasks.get(id);
      const bytes = task.queue.shift();
      if (task.worker && task.busy) task.worker.postMessage({ type: 'ack', generation: task.generation });
      return bytes;
    },

    running(id) {
      const task = tasks.get(id);
      return task.state === 'running' || (task.state === 'done' && task.queue.length > 0);
    },

    error(id) { return tasks.get(id).error; },

    destroy(id) {
      const task = tasks.get(id);
      if (task && task.worker) task.worker.terminate();
      tasks.delete(id);
    },
  };
})();
