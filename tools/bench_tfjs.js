// TensorFlow.js on the cases of tests/bench/*_cases.cpp, for `npm run bench`:
// the wasm backend (XNNPACK, single-threaded SIMD build) and the plain-JS cpu
// backend. Each case is built from the `params` our benchmark lists, so both
// sides run the same shapes. Dev dependencies only: the engine never sees them.
// Runs under node (tools/bench.js) and in the browser page (tools/bench_page.js).
(function (root) {
  'use strict';

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
    const run = () => {
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
    return { run, work: steps, keep: [x, y, ...weights, ...biases], dispose: () => optimizer.dispose() };
  }

  // He-normal 3x3 filters [k, k, in, out] (tfjs' HWIO layout).
  const heFilter = (tf, k, inC, outC, seed) => tf.mul(tf.randomNormal([k, k, inC, outC], 0, 1, 'float32', seed),
                                                      Math.sqrt(2 / (inC * k * k)));
  const reflect = (tf, x, p) => tf.mirrorPad(x, [[0, 0], [p, p], [p, p], [0, 0]], 'reflect');
  const patternImage = (tf, size, seed) => tf.randomUniform([1, size, size, 3], 0, 1, 'float32', seed);

  // demos/style_transfer/loss_network.h: pixels to [-1, 1], then per block
  // two reflection-padded 3x3 convs with bias + ReLU (tf.fused.conv2d), 2x2
  // average pooling between blocks; it stops at the deepest layer the loss
  // reads (relu4_1). Style at relu{b}_1, content at relu3_2.
  function lossFeatures(tf, layers, image) {
    const style = [];
    let content = null, x = tf.sub(tf.mul(image, 2), 1);
    for (let l = 0; l < layers.length; ++l) {
      if (l > 0 && l % 2 === 0) x = tf.avgPool(x, 2, 2, 'valid');
      x = tf.fused.conv2d({ x: reflect(tf, x, 1), filter: layers[l].filter, bias: layers[l].bias, strides: 1,
                            pad: 'valid', activation: 'relu' });
      if (l % 2 === 0) style.push(x);
      if (l === 5) content = x;
    }
    return { style, content };
  }

  // G = F^T F / (C H W) for features [1, H, W, C] (Johnson et al.'s normalisation, as ops::gram_matrix).
  function gram(tf, f) {
    const [, h, w, c] = f.shape;
    const m = tf.reshape(f, [h * w, c]);
    return tf.div(tf.matMul(m, m, true, false), c * h * w);
  }

  // demos/style_transfer/perceptual_loss.h with its default settings:
  // 1 * content + 100 * sum_l 0.25 * style_l + 1 * tv, relative squared errors.
  function gatysIteration(tf, { size, widths }) {
    const layers = [];
    let inC = 3;
    for (const width of widths)
      for (let conv = 0; conv < 2 && layers.length < 7; ++conv) {
        layers.push({ filter: heFilter(tf, 3, inC, width, layers.length + 1), bias: tf.zeros([width]) });
        inC = width;
      }
    const targets = tf.tidy(() => {
      const style = lossFeatures(tf, layers, patternImage(tf, size, 2)).style.map((f) => gram(tf, f));
      return { style, content: lossFeatures(tf, layers, patternImage(tf, size, 1)).content };
    });
    const norm = (t) => Math.max(tf.tidy(() => tf.sum(tf.square(t)).dataSync()[0]), 1e-12);
    const contentNorm = norm(targets.content), styleNorms = targets.style.map(norm);
    const relative = (a, b, n) => tf.div(tf.sum(tf.squaredDifference(a, b)), n);
    const tv = (x) => {
      const [, h, w, c] = x.shape;
      const down = tf.squaredDifference(tf.slice(x, [0, 1, 0, 0], [1, h - 1, w, c]), tf.slice(x, [0, 0, 0, 0], [1, h - 1, w, c]));
      const right = tf.squaredDifference(tf.slice(x, [0, 0, 1, 0], [1, h, w - 1, c]), tf.slice(x, [0, 0, 0, 0], [1, h, w - 1, c]));
      return tf.div(tf.add(tf.sum(down), tf.sum(right)), h * w * c);
    };
    const pixels = patternImage(tf, size, 3);
    const lossGradient = tf.grad((x) => {
      const f = lossFeatures(tf, layers, x);
      let style = tf.scalar(0);
      f.style.forEach((s, l) => { style = tf.add(style, tf.mul(relative(gram(tf, s), targets.style[l], styleNorms[l]), 0.25)); });
      return tf.add(tf.add(relative(f.content, targets.content, contentNorm), tf.mul(style, 100)), tv(x));
    });
    const run = () => { const g = lossGradient(pixels); g.dataSync(); g.dispose(); };
    return { run, keep: [...layers.flatMap((l) => [l.filter, l.bias]), ...targets.style, targets.content, pixels] };
  }

  // demos/style_transfer/transform_network.h: reflection-padded convs, each
  // followed by instance norm (tf.moments over H, W + tf.batchNorm) and ReLU;
  // residual blocks; nearest x2 + conv twice; the last conv corrects the
  // input in logit space.
  function fastForward(tf, { size, widths, residual_blocks: blocks, outer_kernel: k }) {
    const [w1, w2, w3] = widths;
    const layers = [[3, w1, k, 1], [w1, w2, 3, 2], [w2, w3, 3, 2]];
    for (let b = 0; b < 2 * blocks; ++b) layers.push([w3, w3, 3, 1]);
    layers.push([w3, w2, 3, 1], [w2, w1, 3, 1], [w1, 3, k, 1]);
    const convs = layers.map(([inC, outC, kernel, stride], i) => ({
      filter: heFilter(tf, kernel, inC, outC, 100 + i), stride, pad: Math.floor(kernel / 2),
      gamma: tf.ones([1, 1, 1, outC]), beta: tf.zeros([1, 1, 1, outC]) }));
    let next = 0;
    const convNorm = (x) => {
      const c = convs[next++];
      const y = tf.conv2d(reflect(tf, x, c.pad), c.filter, c.stride, 'valid');
      const { mean, variance } = tf.moments(y, [1, 2], true);
      return tf.batchNorm(y, mean, variance, c.beta, c.gamma, 1e-5);
    };
    const up = (x) => tf.image.resizeNearestNeighbor(x, [x.shape[1] * 2, x.shape[2] * 2]);
    const image = patternImage(tf, size, 1);
    const run = () => {
      const out = tf.tidy(() => {
        next = 0;
        let x = image;
        for (let e = 0; e < 3; ++e) x = tf.relu(convNorm(x));
        for (let b = 0; b < blocks; ++b) x = tf.add(x, convNorm(tf.relu(convNorm(x))));
        x = tf.relu(convNorm(up(x)));
        x = tf.relu(convNorm(up(x)));
        // The output corrects the input in logit space: sigmoid(logit(squeezed image) + r).
        const squeezed = tf.add(tf.mul(image, 1 - 2 / 256), 1 / 256);
        return tf.sigmoid(tf.add(tf.sub(tf.log(squeezed), tf.log(tf.sub(1, squeezed))), convNorm(x)));
      });
      out.dataSync();
      out.dispose();
    };
    return { run, keep: [image, ...convs.flatMap((c) => [c.filter, c.gamma, c.beta])] };
  }

  // The computation of one case, or null where this backend does not run it.
  // tfjs computes convolutions in NHWC, we in NCHW: same sizes, same flops.
  function buildCase(tf, backend, info) {
    const p = info.params, same = (t) => { t.dataSync(); t.dispose(); };
    const light = ['matmul', 'conv2d', 'mlp_train'];
    if (info.flavour !== 'ours' || (backend === 'cpu' && !light.includes(info.op))) return null;
    switch (info.op) {
      case 'matmul': {
        const a = tf.fill([p.n, p.n], 0.5), b = tf.fill([p.n, p.n], 0.25);
        return { run: () => same(tf.matMul(a, b)), keep: [a, b] };
      }
      case 'conv2d': {
        const x = tf.fill([p.n, p.h, p.w, p.c], 0.5), filter = tf.fill([p.k, p.k, p.c, p.o], 0.01);
        return { run: () => same(tf.conv2d(x, filter, 1, 'same')), keep: [x, filter] };
      }
      case 'conv2d_dx': {  // the Conv2DBackpropInput kernel, as conv2d's gradient calls it
        const dy = tf.fill([p.n, p.h, p.w, p.o], 0.1), filter = tf.fill([p.k, p.k, p.c, p.o], 0.01);
        return { run: () => same(tf.conv2dTranspose(dy, filter, [p.n, p.h, p.w, p.c], 1, 'same')), keep: [dy, filter] };
      }
      case 'conv2d_dw': {
        // The wasm backend has no Conv2DBackpropFilter kernel (tf.grad throws
        // "not registered"): the same sums from its kernels, one product per tap,
        // dW[i, j] = patch_ij^T dY with patch_ij the padded input shifted by (i, j).
        const x = tf.fill([p.n, p.h, p.w, p.c], 0.5), dy = tf.fill([p.n, p.h, p.w, p.o], 0.1);
        const pad = Math.floor(p.k / 2);
        return {
          run: () => same(tf.tidy(() => {
            const padded = tf.pad(x, [[0, 0], [pad, pad], [pad, pad], [0, 0]]);
            const dyRows = tf.reshape(dy, [p.n * p.h * p.w, p.o]), taps = [];
            for (let i = 0; i < p.k; ++i)
              for (let j = 0; j < p.k; ++j) {
                const patch = tf.reshape(tf.slice(padded, [0, i, j, 0], [p.n, p.h, p.w, p.c]), [p.n * p.h * p.w, p.c]);
                taps.push(tf.matMul(patch, dyRows, true, false));
              }
            return tf.reshape(tf.stack(taps), [p.k, p.k, p.c, p.o]);
          })),
          keep: [x, dy],
        };
      }
      case 'mlp_train': return mlpSteps(tf, backend === 'cpu' ? 100 : p.steps);
      case 'gatys_iteration': return gatysIteration(tf, p);
      case 'fast_forward': return fastForward(tf, p);
      default: return null;
    }
  }

  // An implementation for tools/bench_driver.js: `tf` is @tensorflow/tfjs with
  // the wasm backend registered (required under node, script tags in the page).
  function tfjsImpl(tf, backend, name) {
    let current = null;
    const use = async () => {
      if (tf.getBackend() !== backend && !(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} did not start`);
    };
    return {
      name,
      async start(log) { await use(); await tf.ready(); log(`bench: ${name} is tfjs ${tf.version_core}, backend ${tf.getBackend()}`); },
      async prepare(info) {
        await use();
        current = buildCase(tf, backend, info);
        return current && { work: current.work || info.work };
      },
      async run(repeats) {
        await use();
        const start = performance.now();
        for (let r = 0; r < repeats; ++r) current.run();
        return performance.now() - start;
      },
      async release() {
        if (!current) return;
        await use();
        if (current.dispose) current.dispose();
        for (const t of current.keep || []) t.dispose();
        current = null;
      },
    };
  }

  if (typeof module === 'object' && module.exports) module.exports = { tfjsImpl, buildCase };
  else root.tfjsImpl = tfjsImpl;
})(this);
