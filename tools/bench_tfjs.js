// TensorFlow.js on the shapes of tests/bench/bench.cpp, for `npm run bench`:
// the wasm backend (XNNPACK, single-threaded SIMD build) and the plain-JS cpu
// backend. Dev dependencies only: the engine never sees them.
// Records: {op, shape, impl, gflops | steps_per_s, median_ms}, as bench.cpp prints.
// Runs under node (tools/bench.js) and in the browser page (tools/bench_page.js).
(function (root) {
  'use strict';

  function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  }

  // Median wall time of one call over `runs` timed runs after at least
  // `warmup` untimed calls and 200 ms, each run repeating the call to last
  // about 5 ms (as bench.cpp does); body() must finish its work (read its
  // result back) before returning.
  function medianMs(body, warmup, runs) {
    const warmupStart = performance.now();
    for (let i = 0; i < warmup || performance.now() - warmupStart < 200; ++i) body();
    let repeats = 1;
    for (; repeats < (1 << 20); repeats *= 2) {
      const start = performance.now();
      for (let i = 0; i < repeats; ++i) body();
      if (performance.now() - start >= 5) break;
    }
    const times = [];
    for (let i = 0; i < runs; ++i) {
      const start = performance.now();
      for (let r = 0; r < repeats; ++r) body();
      times.push((performance.now() - start) / repeats);
    }
    return median(times);
  }

  // The 2-8-8-1 tanh MLP of bench.cpp: Adam (0.01), sigmoid cross-entropy on
  // logits, batches of 10 drawn from 500 two-spiral points.
  function mlpSteps(tf, steps) {
    const points = 500, xs = [], ys = [];
    for (let i = 0; i < points; ++i) {
      const label = i % 2, r = (i / points) * 5, angle = 1.75 * (i / points) * 2 * Math.PI + label * Math.PI;
      xs.push(r * Math.sin(angle) + 0.1 * Math.sin(7 * i), r * Math.cos(angle) + 0.1 * Math.cos(5 * i));
      ys.push(label);
    }
    const x = tf.tensor2d(xs, [points, 2]), y = tf.tensor2d(ys, [points, 1]);
    const glorot = (fanIn, fanOut) => tf.variable(tf.mul(tf.randomUniform([fanIn, fanOut], -1, 1, 'float32', 7),
                                                         Math.sqrt(6 / (fanIn + fanOut))));
    const weights = [glorot(2, 8), glorot(8, 8), glorot(8, 1)];
    const biases = [tf.variable(tf.zeros([8])), tf.variable(tf.zeros([8])), tf.variable(tf.zeros([1]))];
    const optimizer = tf.train.adam(0.01);
    let seed = 7;
    const batch = new Int32Array(10);
    return () => {
      for (let s = 0; s < steps; ++s) {
        for (let i = 0; i < 10; ++i) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; batch[i] = seed % points; }
        const loss = optimizer.minimize(() => {
          const indices = tf.tensor1d(batch, 'int32');
          let h = tf.gather(x, indices);
          h = tf.tanh(tf.add(tf.matMul(h, weights[0]), biases[0]));
          h = tf.tanh(tf.add(tf.matMul(h, weights[1]), biases[1]));
          const logits = tf.add(tf.matMul(h, weights[2]), biases[2]);
          return tf.losses.sigmoidCrossEntropy(tf.gather(y, indices), logits);
        }, true);
        loss.dataSync();
        loss.dispose();
      }
    };
  }

  // `tf` is @tensorflow/tfjs-core with the cpu and wasm backends registered
  // (required under node, script tags in the browser page).
  async function benchTfjs(tf, backend, impl, runs, log) {
    if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} did not start`);
    await tf.ready();
    log(`bench: running ${impl} (tfjs ${tf.version_core}, backend ${tf.getBackend()})...`);
    const records = [];
    const record = (op, shape, metric, value, ms) => records.push({ op, shape, impl, [metric]: Number(value.toPrecision(4)),
                                                                     median_ms: Number(ms.toPrecision(4)) });
    for (const n of [64, 128, 256, 512]) {
      const a = tf.fill([n, n], 0.5), b = tf.fill([n, n], 0.25);
      const ms = medianMs(() => { const c = tf.matMul(a, b); c.dataSync(); c.dispose(); }, 2, runs);
      record('matmul', `${n}x${n}x${n}`, 'gflops', (2 * n * n * n) / (ms * 1e6), ms);
      a.dispose(); b.dispose();
    }
    // tfjs is NHWC; the same convolution as bench.cpp's NCHW one (3x3, stride 1, padding 1).
    for (const [batch, c, h, w, o] of [[1, 32, 64, 64, 32], [1, 64, 32, 32, 64]]) {
      const x = tf.fill([batch, h, w, c], 0.5), filter = tf.fill([3, 3, c, o], 0.01);
      const ms = medianMs(() => { const y = tf.conv2d(x, filter, 1, 'same'); y.dataSync(); y.dispose(); }, 2, runs);
      record('conv2d', `${batch}x${c}x${h}x${w}->${o}`, 'gflops', (2 * batch * o * h * w * c * 9) / (ms * 1e6), ms);
      x.dispose(); filter.dispose();
    }
    const steps = backend === 'cpu' ? 100 : 200;
    const train = mlpSteps(tf, steps);
    const ms = medianMs(train, 1, runs);
    record('mlp_train', '2-8-8-1 batch 10', 'steps_per_s', steps / (ms / 1000), ms);
    tf.disposeVariables();
    return records;
  }

  if (typeof module === 'object' && module.exports) module.exports = { benchTfjs };
  else root.benchTfjs = benchTfjs;
})(this);
