// The compute worker's message loop, appended to Emscripten's glue for the
// compute_worker target (--extern-post-js), so dist/compute_worker.js is one
// script that the page can start from a Blob URL (web/background_host.js
// says why). It runs one job at a time in slices, yielding between slices so
// that 'start' and 'ack' messages are seen promptly. (The page cancels a busy
// worker by terminating it: instant, even in the middle of a long step.)
//
// From the page: {type: 'init', module | wasmUrl, maxQueued}, {type: 'start', generation, kind, input},
//                {type: 'ack', generation} (the page took one message).
// To the page:   {type: 'message', generation, bytes}, {type: 'done', generation},
//                {type: 'error', generation, text}, {type: 'fatal', text}.
'use strict';

(function computeWorker() {
  const SLICE_MS = 10;
  let wasm = null;       // the Emscripten module, once instantiated
  let waiting = [];      // messages that arrived before it
  let job = null;        // {generation, inFlight}: the running job
  let maxQueued = 16;    // messages the page has not taken yet, before the job pauses

  const fatal = (text) => self.postMessage({ type: 'fatal', text });

  // A zero-delay yield (setTimeout would be clamped to 4 ms).
  const tick = new MessageChannel();
  tick.port1.onmessage = runSlice;
  const schedule = () => tick.port2.postMessage(0);

  function instantiate(init) {
    return function instantiateWasm(imports, done) {
      // A compiled module from the page, or (if it could not be sent) the wasm by its
      // absolute URL: a Blob worker has no base URL to resolve a relative one.
      const ready = init.module
        ? WebAssembly.instantiate(init.module, imports).then((instance) => done(instance, init.module))
        : fetch(init.wasmUrl).then((response) => {
          if (!response.ok) throw new Error(init.wasmUrl + ': HTTP ' + response.status);
          return response.arrayBuffer();
        }).then((bytes) => WebAssembly.instantiate(bytes, imports)).then((r) => done(r.instance, r.module));
      ready.catch((error) => fatal('the compute worker could not start (' + (error.message || error) + ')'));
      return {};
    };
  }

  function copyIn(bytes) {
    const pointer = wasm._malloc(Math.max(1, bytes.length));
    wasm.HEAPU8.set(bytes, pointer);
    return pointer;
  }

  function start(message) {
    job = null;
    wasm._compute_job_stop();
    const kind = copyIn(new TextEncoder().encode(message.kind + '\0'));
    const input = new Uint8Array(message.input);
    const pointer = copyIn(input);
    const ok = wasm._compute_job_start(kind, pointer, input.length);
    wasm._free(kind);
    wasm._free(pointer);
    if (!ok) {
      const text = wasm.UTF8ToString(wasm._compute_job_error());
      self.postMessage({ type: 'error', generation: message.generation, text });
      return;
    }
    job = { generation: message.generation, inFlight: 0 };
    schedule();
  }

  function handle(message) {
    if (message.type === 'start') {
      start(message);
    } else if (message.type === 'ack') {
      if (job && job.generation === message.generation) {
        const wasPaused = job.inFlight >= maxQueued;
        job.inFlight--;
        if (wasPaused) schedule();
      }
    }
  }

  function runSlice() {
    const until = performance.now() + SLICE_MS;
    while (job && job.inFlight < maxQueued) {
      const more = wasm._compute_job_step();
      const size = wasm._compute_job_message_size();
      if (size > 0) {
        const pointer = wasm._compute_job_message_data();
        const bytes = wasm.HEAPU8.slice(pointer, pointer + size).buffer;
        self.postMessage({ type: 'message', generation: job.generation, bytes }, [bytes]);
        job.inFlight++;
      }
      if (!more) {
        self.postMessage({ type: 'done', generation: job.generation });
        job = null;
        return;
      }
      if (performance.now() >= until) {
        schedule();
        return;
      }
    }
  }

  self.onmessage = (event) => {
    const message = event.data;
    if (message.type === 'init') {
      if (message.maxQueued > 0) maxQueued = message.maxQueued;
      createComputeModule({
        instantiateWasm: instantiate(message),
        print: (text) => console.log(text),
        printErr: (text) => console.warn(text),
        onAbort: (reason) => fatal('the compute worker stopped (' + reason + ')'),
      }).then((module) => {
        wasm = module;
        for (const m of waiting) handle(m);
        waiting = [];
      });
    } else if (!wasm) {
      waiting.push(message);
    } else {
      handle(message);
    }
  };
})();
