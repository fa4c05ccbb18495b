// TensorFlow.js on the cases of tests/bench/*_cases.cpp, for `npm run bench`:
// the wasm backend (XNNPACK, single-threaded SIMD build) and the plain-JS cpu
// backend. Each case is built from the `params` our benchmark lists, so both
// sides run the same shapes. Dev dependencies only: the engine never sees them.
// Runs under node (tools/bench.js) and in the browser page (tools/bench_page.js).
(function (root) {
  'use strict';

  // The 2-8-8-1 tanh MLP of bench.cpp: Adam (0.01), sigmoid cross-entropy on
  // logits, batches of 10 drawn from 500 two-spiral points.
  function mlpSteps(tf, steps, sizes = [2, 8, 8, 1]) {
    const points = 500, xs = [], ys = [];
    for (let i = 0; i < points; ++i) {
      const label = i % 2, r = (i / points) * 5, angle = 1.75 * (i / points) * 2 * Math.PI + label * Math.PI;
      xs.push(r * Math.sin(angle) + 0.1 * Math.sin(7 * i), r * Math.cos(angle) + 0.1 * Math.cos(5 * i));
      ys.push(label);
    }
    const x = tf.tensor2d(xs, [points, 2]), y = tf.tensor2d(ys, [points, 1]);
    const glorot = (fanIn, fanOut) => tf.variable(tf.mul(tf.randomUniform([fanIn, fanOut], -1, 1, 'float32', 7),
                                                         Math.sqrt(6 / (fanIn + fanOut))));
    const weights = [], biases = [];
    for (let l = 0; l + 1 < sizes.length; ++l) {
      weights.push(glorot(sizes[l], sizes[l + 1]));
      biases.push(tf.variable(tf.zeros([sizes[l + 1]])));
    }
    const optimizer = tf.train.adam(0.01);
    let seed = 7;
    const batch = new Int32Array(10);
    const run = () => {
      for (let s = 0; s < steps; ++s) {
        for (let i = 0; i < 10; ++i) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; batch[i] = seed % points; }
        const loss = optimizer.minimize(() => {
          const indices = tf.tensor1d(batch, 'int32');
          let h = tf.gather(x, indices);
          const last = weights.length - 1;
          for (let l = 0; l < last; ++l) h = tf.tanh(tf.add(tf.matMul(h, weights[l]), biases[l]));
          const logits = tf.add(tf.matMul(h, weights[last]), biases[last]);
          return tf.losses.sigmoidCrossEntropy(tf.gather(y, indices), logits);
        }, true);
        loss.dataSync();
        loss.dispose();
      }
    };
    return { run, work: steps, keep: [x, y, ...weights, ...biases], dispose: () => optimizer.dispose() };
  }

  // tests/bench/kernel_cases.cpp's tape_overhead: y = x + c, p.ops times on
  // p.size floats, and the gradient back through the chain (tf.grad records
  // the ops on tfjs' own tape).
  function addChain(tf, p) {
    const x = tf.fill([p.size], 0.5), step = tf.fill([p.size], 0.001);
    const gradient = tf.grad((input) => {
      let y = input;
      for (let i = 0; i < p.ops; ++i) y = tf.add(y, step);
      return tf.sum(y);
    });
    return { run: () => { const g = tf.tidy(() => gradient(x)); g.dataSync(); g.dispose(); }, work: p.ops, keep: [x, step] };
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

  // A conv layer [N, H, W, C] * [k, k, C, O] with gradients the wasm
  // backend computes fast. It has no Conv2DBackpropFilter (tf.grad of
  // tf.conv2d w.r.t. the filter throws "not registered"), and its
  // Conv2DBackpropInput is a plain loop several times slower than XNNPACK's
  // forward conv (the conv2d_dx rows). So both gradients are forward convs:
  //   dX (stride 1) = conv(dY, W flipped in space, in/out swapped), padding k-1-p;
  //   dW[i, j, c, o] = sum_{n,y,x} X_pad[n, s y + i, s x + j, c] dY[n, y, x, o]: a valid
  //     conv of X_pad^T [C, Hp, Wp, N] with dY^T [OH, OW, N, O] as the filter, dilated by s.
  // withInputGrad false: x is a constant (the images), no dX is computed.
  function trainableConv(tf, x, filter, stride, pad, withInputGrad) {
    const k = filter.shape[0];
    const weightGrad = (input, dy) => tf.tidy(() => {
      const padded = pad ? tf.pad(input, [[0, 0], [pad, pad], [pad, pad], [0, 0]]) : input;
      const sums = tf.conv2d(tf.transpose(padded, [3, 1, 2, 0]), tf.transpose(dy, [1, 2, 0, 3]), 1, 'valid', 'NHWC',
                             stride);  // [C, k', k', O], k' >= k
      return tf.transpose(tf.slice(sums, [0, 0, 0, 0], [-1, k, k, -1]), [1, 2, 0, 3]);
    });
    if (!withInputGrad)
      return tf.customGrad((w) => ({ value: tf.conv2d(x, w, stride, pad), gradFunc: (dy) => [weightGrad(x, dy)] }))(filter);
    if (stride !== 1) throw new Error('trainableConv: dX only at stride 1');
    return tf.customGrad((input, w, save) => {
      save([input, w]);
      return {
        value: tf.conv2d(input, w, 1, pad),
        gradFunc: (dy, [savedInput, savedW]) => [
          tf.tidy(() => tf.conv2d(dy, tf.reverse(tf.transpose(savedW, [0, 1, 3, 2]), [0, 1]), 1, k - 1 - pad)),
          weightGrad(savedInput, dy)],
      };
    })(x, filter);
  }

  // One training step of demos/captioning/captioner.h's Show, Attend and
  // Tell (CaptionTrainer::step without the scene rendering), layer for
  // layer: the encoder of image_encoder.h (conv 4x4 s2 pad 1, two conv 3x3 +
  // max-pool 2, CoordConv's x and y channels, conv 3x3; ReLU after each),
  // grid [B, 64, D]; h0, c0 = tanh(mean grid W + b); per step
  // alpha = softmax(v . tanh(h W_q + a W_k)), beta = sigmoid(h w + b),
  // z = beta alpha a, LSTM on [E y, z] (gates i f g o), logits =
  // L_o(E y + L_h h + L_z z); mean cross-entropy + lambda/B sum (1 - sum_t alpha)^2;
  // global-norm clip, Adam (optimizer.computeGradients + applyGradients: minimize
  // split to clip in between). Two differences of form, not of maths: the
  // keys' projection a W_k is computed once per batch (ours computes it at
  // every step inside ops::additive_attention), and the embedding is a
  // one-hot product (the wasm backend has no UnsortedSegmentSum, gather's gradient).
  function captionTrainStep(tf, p, log, backend) {
    const B = p.batch, T = p.length - 1, V = p.vocabulary, E = p.embedding, H = p.hidden, A = p.attention;
    const [c1, c2, c3] = p.conv, D = p.depth, side = 64, grid = 8, L = grid * grid;
    let seed = 1;
    const glorot = (i, o) => tf.variable(tf.mul(tf.randomUniform([i, o], -1, 1, 'float32', seed++), Math.sqrt(6 / (i + o))));
    const he = (k, i, o) => tf.variable(tf.mul(tf.randomNormal([k, k, i, o], 0, 1, 'float32', seed++), Math.sqrt(2 / (i * k * k))));
    const uniform = (shape) => tf.variable(tf.randomUniform(shape, -0.1, 0.1, 'float32', seed++));
    const zeros = (n) => tf.variable(tf.zeros([n]));
    const w = {
      conv1: he(4, 3, c1), b1: zeros(c1), conv2: he(3, c1, c2), b2: zeros(c2), conv3: he(3, c2, c3), b3: zeros(c3),
      conv4: he(3, c3 + 2, D), b4: zeros(D),
      embedding: uniform([V, E]), initH: glorot(D, H), initHb: zeros(H), initC: glorot(D, H), initCb: zeros(H),
      lstmIn: glorot(E + D, 4 * H), lstmHidden: glorot(H, 4 * H),
      lstmBias: tf.variable(tf.concat([tf.zeros([H]), tf.ones([H]), tf.zeros([2 * H])])),  // forget bias 1
      out: glorot(E, V), outB: zeros(V), query: glorot(H, A), key: glorot(D, A), v: uniform([A, 1]),
      beta: glorot(H, 1), betaB: zeros(1), deepH: glorot(H, E), deepZ: glorot(D, E),
    };
    const variables = Object.values(w);
    const count = variables.reduce((sum, t) => sum + t.size, 0);
    log(`bench: caption_train_step on tfjs-${backend}: ${count} parameters, ours ${p.parameters}`);
    if (count !== p.parameters) throw new Error(`caption_train_step: tfjs model has ${count} parameters, ours ${p.parameters}`);

    // The fixed batch: random pixels, <start> + random words + <end>.
    const images = tf.randomUniform([B, side, side, 3], 0, 1, 'float32', 99);
    let state = 12;
    const tokens = [];
    for (let b = 0; b < B; ++b) {
      const caption = [1];
      for (let t = 0; t < p.length - 2; ++t) { state = (state * 1103515245 + 12345) & 0x7fffffff; caption.push(4 + (state % (V - 4))); }
      caption.push(2);
      tokens.push(caption);
    }
    const oneHots = (t) => tf.oneHot(tf.tensor1d(tokens.map((c) => c[t]), 'int32'), V);
    const previous = [], targets = [];
    for (let t = 0; t < T; ++t) { previous.push(oneHots(t)); targets.push(oneHots(t + 1)); }
    const target = tf.concat(targets, 0);  // [T * B, V], row t * B + b
    const coordinates = tf.tidy(() => {
      const ramp = tf.linspace(-1, 1, grid);
      const xs = tf.tile(tf.reshape(ramp, [1, grid, 1]), [grid, 1, 1]), ys = tf.tile(tf.reshape(ramp, [grid, 1, 1]), [1, grid, 1]);
      return tf.tile(tf.expandDims(tf.concat([xs, ys], 2), 0), [B, 1, 1, 1]);  // [B, 8, 8, 2]: x then y
    });

    const loss = () => {
      let x = tf.relu(tf.add(trainableConv(tf, images, w.conv1, 2, 1, false), w.b1));                         // [B, 32, 32, c1]
      x = tf.maxPool(tf.relu(tf.add(trainableConv(tf, x, w.conv2, 1, 1, true), w.b2)), 2, 2, 'valid');          // [B, 16, 16, c2]
      x = tf.maxPool(tf.relu(tf.add(trainableConv(tf, x, w.conv3, 1, 1, true), w.b3)), 2, 2, 'valid');          // [B, 8, 8, c3]
      x = tf.relu(tf.add(trainableConv(tf, tf.concat([x, coordinates], 3), w.conv4, 1, 1, true), w.b4));       // [B, 8, 8, D]
      const cells = tf.reshape(x, [B, L, D]);
      const mean = tf.mean(cells, 1);
      let h = tf.tanh(tf.add(tf.matMul(mean, w.initH), w.initHb)), c = tf.tanh(tf.add(tf.matMul(mean, w.initC), w.initCb));
      const keys = tf.reshape(tf.matMul(tf.reshape(cells, [B * L, D]), w.key), [B, L, A]);
      const logits = [], alphas = [];
      for (let t = 0; t < T; ++t) {
        const word = tf.matMul(previous[t], w.embedding);                                                     // [B, E]
        const hidden = tf.tanh(tf.add(keys, tf.reshape(tf.matMul(h, w.query), [B, 1, A])));                   // [B, L, A]
        const alpha = tf.softmax(tf.reshape(tf.matMul(tf.reshape(hidden, [B * L, A]), w.v), [B, L]));         // [B, L]
        const beta = tf.sigmoid(tf.add(tf.matMul(h, w.beta), w.betaB));                                       // [B, 1]
        const z = tf.mul(beta, tf.reshape(tf.matMul(tf.reshape(alpha, [B, 1, L]), cells), [B, D]));           // [B, D]
        const gates = tf.add(tf.add(tf.matMul(tf.concat([word, z], 1), w.lstmIn), tf.matMul(h, w.lstmHidden)), w.lstmBias);
        const [i, f, g, o] = tf.split(gates, 4, 1);
        c = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
        h = tf.mul(tf.sigmoid(o), tf.tanh(c));
        const deep = tf.add(tf.add(word, tf.matMul(h, w.deepH)), tf.matMul(z, w.deepZ));
        logits.push(tf.add(tf.matMul(deep, w.out), w.outB));
        alphas.push(alpha);
      }
      const crossEntropy = tf.div(tf.neg(tf.sum(tf.mul(target, tf.logSoftmax(tf.concat(logits, 0))))), T * B);
      const gap = tf.sub(1, tf.addN(alphas));
      return tf.add(crossEntropy, tf.mul(tf.sum(tf.square(gap)), p.penalty / B));
    };
    const optimizer = tf.train.adam(p.learning_rate, 0.9, 0.999, 1e-8);
    const run = () => clippedStep(tf, optimizer, loss, variables, p.max_gradient_norm);
    return { run, keep: [...variables, images, ...previous, ...targets, target, coordinates], dispose: () => optimizer.dispose() };
  }

  // demos/softmax_temperature's training chunk: one-hot characters [B, V]
  // through a GRU (engine/ops/recurrent.h: one bias per gate, the reset gate
  // on h W_hn after the product), T steps, one readout over all T * B states,
  // mean cross-entropy, global-norm clip 5, Adam. A fresh zero state per
  // chunk (ours carries it, detached: the same work).
  function gruTrainChunk(tf, p) {
    const B = p.batch, T = p.steps, V = p.vocabulary, H = p.hidden;
    let seed = 1;
    const glorot = (i, o) => tf.variable(tf.mul(tf.randomUniform([i, o], -1, 1, 'float32', seed++), Math.sqrt(6 / (i + o))));
    const w = { input: glorot(V, 3 * H), hidden: glorot(H, 3 * H), bias: tf.variable(tf.zeros([3 * H])),
                out: glorot(H, V), outB: tf.variable(tf.zeros([V])) };
    const variables = Object.values(w);
    let state = 5;
    const ids = () => {
      const row = [];
      for (let b = 0; b < B; ++b) { state = (state * 1103515245 + 12345) & 0x7fffffff; row.push(state % V); }
      return row;
    };
    const inputs = [], targets = [];
    for (let t = 0; t < T; ++t) { inputs.push(tf.oneHot(tf.tensor1d(ids(), 'int32'), V)); targets.push(tf.oneHot(tf.tensor1d(ids(), 'int32'), V)); }
    const target = tf.concat(targets, 0);  // [T * B, V]
    const loss = () => {
      let h = tf.zeros([B, H]);
      const states = [];
      for (let t = 0; t < T; ++t) {
        const [xr, xz, xn] = tf.split(tf.add(tf.matMul(inputs[t], w.input), w.bias), 3, 1);
        const [hr, hz, hn] = tf.split(tf.matMul(h, w.hidden), 3, 1);
        const r = tf.sigmoid(tf.add(xr, hr)), z = tf.sigmoid(tf.add(xz, hz));
        const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
        h = tf.add(tf.mul(tf.sub(1, z), n), tf.mul(z, h));
        states.push(h);
      }
      const logits = tf.add(tf.matMul(tf.concat(states, 0), w.out), w.outB);
      return tf.div(tf.neg(tf.sum(tf.mul(target, tf.logSoftmax(logits)))), T * B);
    };
    const optimizer = tf.train.adam(2e-3);
    const run = () => clippedStep(tf, optimizer, loss, variables, 5);
    return { run, keep: [...variables, ...inputs, ...targets, target], dispose: () => optimizer.dispose() };
  }

  // One training step as ours takes it: gradients, a global-norm clip
  // (clip_grad_norm: scaled only above the limit), the optimizer's update
  // (optimizer.computeGradients + applyGradients: minimize split to clip in
  // between), and the loss read back.
  function clippedStep(tf, optimizer, loss, variables, maxNorm) {
    const value = tf.tidy(() => {
      const { value: total, grads } = optimizer.computeGradients(loss, variables);
      const names = Object.keys(grads);
      const norm = tf.sqrt(tf.addN(names.map((n) => tf.sum(tf.square(grads[n])))));
      const scale = tf.minimum(1, tf.div(maxNorm, norm));
      const clipped = {};
      for (const n of names) clipped[n] = tf.mul(grads[n], scale);
      optimizer.applyGradients(clipped);
      return total;
    });
    value.dataSync();
    value.dispose();
  }

  // The computation of one case, or null where this backend does not run it.
  // tfjs computes convolutions in NHWC, we in NCHW: same sizes, same flops.
  function buildCase(tf, backend, info, log = () => {}) {
    const p = info.params, same = (t) => { t.dataSync(); t.dispose(); };
    const light = ['matmul', 'conv2d', 'mlp_train', 'tape_overhead', 'gru_train_chunk', 'caption_train_step'];
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
      case 'mlp_train': return mlpSteps(tf, backend === 'cpu' ? 100 : p.steps, p.sizes);
      case 'tape_overhead': return addChain(tf, p);
      case 'gatys_iteration': return gatysIteration(tf, p);
      case 'fast_forward': return fastForward(tf, p);
      case 'caption_train_step': return captionTrainStep(tf, p, log, backend);
      case 'gru_train_chunk': return gruTrainChunk(tf, p);
      default: return null;
    }
  }

  // An implementation for tools/bench_driver.js: `tf` is @tensorflow/tfjs with
  // the wasm backend registered (required under node, script tags in the page).
  function tfjsImpl(tf, backend, name) {
    let current = null, say = () => {};
    const use = async () => {
      if (tf.getBackend() !== backend && !(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} did not start`);
    };
    return {
      name,
      async start(log) { say = log; await use(); await tf.ready(); log(`bench: ${name} is tfjs ${tf.version_core}, backend ${tf.getBackend()}`); },
      async prepare(info) {
        await use();
        current = buildCase(tf, backend, info, say);
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

  if (typeof module === 'object' && module.exports) module.exports = { tfjsImpl, buildCase, trainableConv };
  else root.tfjsImpl = tfjsImpl;
})(this);
