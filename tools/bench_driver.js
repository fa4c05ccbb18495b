// The interleaved timing loop of `npm run bench`, under node (tools/bench.js)
// and in the browser page (tools/bench_page.js).
//
// On a shared machine the load changes from second to second, so timing one
// implementation's repetitions back to back and then the next one's lets a
// burst of load land on one side only. Here every implementation of a case is
// prepared, warmed up, and then timed in rounds, A B C A B C ...: each round
// gives one time per implementation, taken within the same few hundred ms,
// and each ratio is computed per round (its spread across rounds is reported
// beside the median).
//
// An implementation is {name, prepare(info) -> {work} | null, run(repeats) -> ms, release()}
// (all async); info is one case as our benchmark lists it ({op, shape, metric, work, flavour, params}).
(function (root) {
  'use strict';

  const now = () => performance.now();
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

  // The value a table shows for `ms` per call: GFLOP/s, steps/s, ns per op or ms.
  function metricValue(metric, work, ms) {
    if (metric === 'gflops') return work / (ms * 1e6);
    if (metric === 'steps_per_s') return work / (ms / 1000);
    if (metric === 'ns_per_op') return (ms * 1e6) / work;
    return ms / work;  // "ms": work is 1
  }

  // Warm-up: at least `calls` calls and `minimumMs` (V8 moves hot wasm and JS
  // to its optimising compiler meanwhile); returns the repeats per timed run
  // so that a run lasts about 5 ms.
  async function warmUp(impl, calls, minimumMs) {
    const start = now();
    let last = 0;
    for (let i = 0; i < calls || now() - start < minimumMs; ++i) last = await impl.run(1);
    return Math.max(1, Math.min(1 << 20, Math.ceil(5 / Math.max(last, 1e-3))));
  }

  // Times every case on every implementation that has it; returns records
  // {op, shape, impl, metric: value, median_ms, unit_ms: [per round]}.
  async function benchInterleaved(cases, impls, { runs, quick, log }) {
    const records = [];
    for (const info of cases) {
      const active = [];
      for (const impl of impls) {
        const prepared = await impl.prepare(info);
        if (prepared) active.push({ impl, work: prepared.work, times: [] });
      }
      if (!active.length) continue;
      const started = now();
      for (const a of active) a.repeats = await warmUp(a.impl, quick ? 1 : 2, quick ? 100 : 200);
      for (let round = 0; round < runs; ++round)
        for (const a of active) a.times.push((await a.impl.run(a.repeats)) / a.repeats);
      for (const a of active) {
        await a.impl.release();
        const ms = median(a.times);
        records.push({ op: info.op, shape: info.shape, impl: a.impl.name, [info.metric]: Number(metricValue(info.metric, a.work, ms).toPrecision(4)),
                       median_ms: Number(ms.toPrecision(4)), unit_ms: a.times.map((t) => Number((t / a.work).toPrecision(5))) });
      }
      log(`bench: ${info.op} ${info.shape}: ${active.map((a) => a.impl.name).join(', ')} (${((now() - started) / 1000).toFixed(1)} s)`);
    }
    return records;
  }

  // Our benchmark compiled to wasm (tests/bench/bench.cpp): `module` is an
  // instance of its createBenchModule factory; `flavour` picks its own cases
  // ("ours") or Eigen's product ("eigen"). Each implementation needs its own
  // instance: an instance holds one prepared case.
  function wasmImpl(module, name, flavour) {
    const list = [];
    for (let i = 0; i < module._bench_case_count(); ++i) list.push(JSON.parse(module.UTF8ToString(module._bench_case_json(i))));
    return {
      name,
      cases: list,
      async prepare(info) {
        const index = list.findIndex((c) => c.op === info.op && c.shape === info.shape && c.flavour === flavour);
        return index >= 0 && module._bench_prepare(index) ? { work: list[index].work } : null;
      },
      async run(repeats) { return module._bench_run(repeats); },
      async release() { module._bench_prepare(-1); },
    };
  }

  const api = { benchInterleaved, wasmImpl, median };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.benchDriver = api;
})(this);
