// `npm run bench`: the engine's hot paths, the same program natively and in
// WebAssembly (tests/bench/*_cases.cpp list them). tools/bench.js drives every
// build and TensorFlow.js through one protocol, so that it can interleave the
// implementations repetition by repetition:
//   list                   every case as a JSON line, then "end"
//   prepare <case index>   builds that case's inputs (untimed); prints "ok"
//   run <repeats>          calls it that many times; prints the total ms
// natively over stdin/stdout (`bench --serve`), in wasm as exported C
// functions (bench_case_count, bench_case_json, bench_prepare, bench_run).
// Without --serve it times every case on its own and prints one JSON record
// per line. For profiling, `bench --only conv2d_dx --shape 256 --calls 2`
// calls the matching cases twice each, untimed (e.g. under callgrind).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "tests/bench/bench_case.h"

namespace {

double now_ms() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double, std::milli>(clock::now().time_since_epoch()).count();
}

const std::vector<BenchCase>& cases() {
  static const std::vector<BenchCase> all = [] {
    std::vector<BenchCase> list = kernel_cases();
    for (BenchCase& c : style_cases()) list.push_back(std::move(c));
    for (BenchCase& c : caption_cases()) list.push_back(std::move(c));
    for (BenchCase& c : recurrent_cases()) list.push_back(std::move(c));
    return list;
  }();
  return all;
}

std::function<void()> prepared;

std::string case_json(const BenchCase& c) {
  char work[32];
  std::snprintf(work, sizeof work, "%.17g", c.work);
  return "{\"op\": \"" + c.op + "\", \"shape\": \"" + c.shape + "\", \"metric\": \"" + c.metric + "\", \"work\": " +
         work + ", \"flavour\": \"" + c.flavour + "\", \"params\": " + c.params + "}";
}

// The standalone mode: per case, a warm-up of at least 2 calls and 200 ms,
// repeats calibrated so a timed run lasts 5 ms, then the median of `runs`.
void time_every_case(const std::string& impl, const std::string& only, int runs) {
  for (const BenchCase& c : cases()) {
    if (!only.empty() && c.op != only) continue;
    std::function<void()> body = c.prepare();
    if (!body) {
      std::fprintf(stderr, "bench: %s %s could not be prepared\n", c.op.c_str(), c.shape.c_str());
      continue;
    }
    const double warmup_start = now_ms();
    for (int i = 0; i < 2 || now_ms() - warmup_start < 200.0; ++i) body();
    int repeats = 1;
    for (double start = now_ms(); repeats < (1 << 20); repeats *= 2, start = now_ms()) {
      for (int i = 0; i < repeats; ++i) body();
      if (now_ms() - start >= 5.0) break;
    }
    std::vector<double> times;
    for (int r = 0; r < runs; ++r) {
      const double start = now_ms();
      for (int i = 0; i < repeats; ++i) body();
      times.push_back((now_ms() - start) / repeats);
    }
    std::sort(times.begin(), times.end());
    const double ms = times[times.size() / 2];
    const double value = c.metric == "ms"          ? ms
                         : c.metric == "gflops"    ? c.work / (ms * 1e6)
                         : c.metric == "ns_per_op" ? ms * 1e6 / c.work
                                                   : c.work / (ms / 1000);
    std::printf("{\"op\": \"%s\", \"shape\": \"%s\", \"impl\": \"%s\", \"%s\": %.4g, \"median_ms\": %.4g}\n",
                c.op.c_str(), c.shape.c_str(), c.flavour == "eigen" ? "eigen" : impl.c_str(), c.metric.c_str(), value,
                ms);
    std::fflush(stdout);
  }
}

// The protocol over stdin/stdout.
void serve() {
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line == "list") {
      for (const BenchCase& c : cases()) std::printf("%s\n", case_json(c).c_str());
      std::printf("end\n");
    } else if (line.rfind("prepare ", 0) == 0) {
      const int index = std::atoi(line.c_str() + 8);
      prepared = nullptr;  // the previous case's buffers go first
      if (index >= 0 && index < static_cast<int>(cases().size())) prepared = cases()[index].prepare();
      std::printf(prepared ? "ok\n" : "error: no case %d\n", index);
    } else if (line.rfind("run ", 0) == 0 && prepared) {
      const int repeats = std::max(1, std::atoi(line.c_str() + 4));
      const double start = now_ms();
      for (int i = 0; i < repeats; ++i) prepared();
      std::printf("%.6f\n", now_ms() - start);
    } else if (line == "quit") {
      break;
    } else {
      std::printf("error: bad command '%s'\n", line.c_str());
    }
    std::fflush(stdout);
  }
}

}  // namespace

// The protocol as C functions, for the wasm builds (node and the browser page).
extern "C" {
int bench_case_count() { return static_cast<int>(cases().size()); }
const char* bench_case_json(int index) {
  static std::string json;
  json = index >= 0 && index < bench_case_count() ? case_json(cases()[index]) : "";
  return json.c_str();
}
int bench_prepare(int index) {
  prepared = nullptr;
  if (index < 0 || index >= bench_case_count()) return 0;
  prepared = cases()[index].prepare();
  return 1;
}
double bench_run(int repeats) {
  if (!prepared) return -1;
  const double start = now_ms();
  for (int i = 0; i < repeats; ++i) prepared();
  return now_ms() - start;
}
}

int main(int argc, char** argv) {
  std::string impl = "ours", only, shape;
  int runs = 11, calls = 0;
  bool serving = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--impl") && i + 1 < argc) impl = argv[++i];
    if (!std::strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
    if (!std::strcmp(argv[i], "--runs") && i + 1 < argc) runs = std::max(3, std::atoi(argv[++i]));
    if (!std::strcmp(argv[i], "--shape") && i + 1 < argc) shape = argv[++i];
    if (!std::strcmp(argv[i], "--calls") && i + 1 < argc) calls = std::atoi(argv[++i]);
    if (!std::strcmp(argv[i], "--serve")) serving = true;
  }
  if (serving) {
    serve();
  } else if (calls > 0) {
    for (const BenchCase& c : cases())
      if ((only.empty() || c.op == only) && c.shape.find(shape) != std::string::npos && c.flavour == "ours") {
        std::function<void()> body = c.prepare();
        for (int i = 0; i < calls && body; ++i) body();
      }
  } else {
    time_every_case(impl, only, runs);
  }
  return 0;
}
