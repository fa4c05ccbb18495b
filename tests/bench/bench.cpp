// `npm run bench`: throughput of the engine's hot paths, the same program
// natively and in WebAssembly. Prints one JSON record per line:
//   {"op": "matmul", "shape": "256x256x256", "impl": "...", "gflops": ..., "median_ms": ...}
// tools/bench.js runs every build and prints the side-by-side table.
#include <Eigen/Core>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "engine/autodiff.h"
#include "engine/data/batches.h"
#include "engine/data/generators.h"
#include "engine/layers/mlp.h"
#include "engine/ops/conv.h"
#include "engine/ops/linalg.h"
#include "engine/ops/losses.h"
#include "engine/optim/adam.h"

namespace {

double now_ms() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double, std::milli>(clock::now().time_since_epoch()).count();
}

// Median wall time of one call over `runs` timed runs, after at least
// `warmup` untimed calls and 200 ms (long enough for V8 to move hot wasm
// functions from its baseline compiler to the optimising one). Each timed
// run repeats the call enough times to last about 5 ms, so fast calls are
// not lost in the clock's resolution (a browser's performance.now() may
// tick in 0.1 ms steps).
double median_ms(const std::function<void()>& body, int warmup, int runs) {
  const double warmup_start = now_ms();
  for (int i = 0; i < warmup || now_ms() - warmup_start < 200.0; ++i) body();
  int repeats = 1;
  for (; repeats < (1 << 20); repeats *= 2) {
    double start = now_ms();
    for (int i = 0; i < repeats; ++i) body();
    if (now_ms() - start >= 5.0) break;
  }
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    double start = now_ms();
    for (int r = 0; r < repeats; ++r) body();
    times.push_back((now_ms() - start) / repeats);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

void print_record(const char* op, const std::string& shape, const std::string& impl, const char* metric, double value,
                  double ms) {
  std::printf("{\"op\": \"%s\", \"shape\": \"%s\", \"impl\": \"%s\", \"%s\": %.4g, \"median_ms\": %.4g}\n", op,
              shape.c_str(), impl.c_str(), metric, value, ms);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::string impl = "ours", eigen_impl, only;  // --only matmul|conv2d|mlp_train
  int runs = 11;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--impl") && i + 1 < argc) impl = argv[++i];
    if (!std::strcmp(argv[i], "--eigen-impl") && i + 1 < argc) eigen_impl = argv[++i];
    if (!std::strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
    if (!std::strcmp(argv[i], "--runs") && i + 1 < argc) runs = std::max(3, std::atoi(argv[++i]));
  }

  // C[n,n] = A[n,n] B[n,n] through the engine's op (forward only, no tape for backward).
  auto wanted = [&only](const char* op) { return only.empty() || only == op; };
  for (int n : {64, 128, 256, 512}) {
    if (!wanted("matmul")) break;
    Tape tape;
    NoGradScope no_grad(tape);
    Tensor a = Tensor(Shape{n, n}, 0.5f), b = Tensor(Shape{n, n}, 0.25f);
    double ms = median_ms(
        [&] {
          tape.clear();
          ops::matmul(tape.constant(a), tape.constant(b));
        },
        2, runs);
    print_record("matmul", std::to_string(n) + "x" + std::to_string(n) + "x" + std::to_string(n), impl, "gflops",
                 2.0 * n * n * n / (ms * 1e6), ms);
  }

  // With --eigen-impl NAME: the same products by Eigen directly (bench only;
  // the engine's matmul uses engine/kernels/gemm), for comparison.
  if (!eigen_impl.empty() && wanted("matmul"))
    for (int n : {64, 128, 256, 512}) {
      using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
      Matrix a = Matrix::Constant(n, n, 0.5f), b = Matrix::Constant(n, n, 0.25f), c(n, n);
      double ms = median_ms([&] { c.noalias() = a * b; }, 2, runs);
      print_record("matmul", std::to_string(n) + "x" + std::to_string(n) + "x" + std::to_string(n), eigen_impl, "gflops",
                   2.0 * n * n * n / (ms * 1e6), ms);
    }

  // conv2d 3x3, padding 1: 2 * N * O * H * W * C * 9 flops.
  struct ConvCase {
    int n, c, h, w, o;
  };
  for (ConvCase k : {ConvCase{1, 32, 64, 64, 32}, ConvCase{1, 64, 32, 32, 64}}) {
    if (!wanted("conv2d")) break;
    Tape tape;
    NoGradScope no_grad(tape);
    Tensor x(Shape{k.n, k.c, k.h, k.w}, 0.5f), w(Shape{k.o, k.c, 3, 3}, 0.01f);
    double ms = median_ms(
        [&] {
          tape.clear();
          ops::conv2d(tape.constant(x), tape.constant(w), Var{}, 1, 1);
        },
        2, runs);
    double flops = 2.0 * k.n * k.o * k.h * k.w * k.c * 9;
    print_record("conv2d",
                 std::to_string(k.n) + "x" + std::to_string(k.c) + "x" + std::to_string(k.h) + "x" + std::to_string(k.w) +
                     "->" + std::to_string(k.o),
                 impl, "gflops", flops / (ms * 1e6), ms);
  }

  // Training steps of a 2-8-8-1 tanh MLP (Adam, binary cross-entropy) on 500
  // spiral points in batches of 10: the playground's typical network, where
  // per-op overhead matters as much as arithmetic.
  if (wanted("mlp_train")) {
    Pcg32 rng(7);
    Dataset2D data = make_spiral(500, 0.1f, rng);
    Mlp mlp({2, 8, 8, 1}, {Activation::Tanh}, rng);
    Adam adam(mlp.parameters(), 0.01f);
    BatchIterator batches(data.size(), 10, rng);
    Tape tape;
    const int steps = 500;
    double ms = median_ms(
        [&] {
          for (int i = 0; i < steps; ++i) {
            Batch batch = gather_batch(data, batches.next());
            tape.clear();
            Var logits = mlp.forward(tape, tape.constant(batch.x));
            Var loss = ops::binary_cross_entropy_with_logits(logits, tape.constant(batch.targets));
            adam.zero_grad();
            tape.backward(loss);
            adam.step();
          }
        },
        1, runs);
    print_record("mlp_train", "2-8-8-1 batch 10", impl, "steps_per_s", steps / (ms / 1000.0), ms);
  }
  return 0;
}
