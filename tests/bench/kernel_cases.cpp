// The engine's hot kernels: matmul (and Eigen's product beside it), conv2d
// forward and its two backward products, small networks' training steps and
// the tape's own cost per op.
#include <Eigen/Core>
#include <array>
#include <memory>

#include "engine/autodiff.h"
#include "engine/data/batches.h"
#include "engine/data/generators.h"
#include "engine/layers/dense_stack.h"
#include "engine/layers/mlp.h"
#include "engine/ops/conv.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/linalg.h"
#include "engine/ops/losses.h"
#include "engine/optim/adam.h"
#include "tests/bench/bench_case.h"

namespace {

std::string str(int x) { return std::to_string(x); }

// C[n,n] = A[n,n] B[n,n] through the engine's op (forward only, no tape for backward).
BenchCase matmul_case(int n) {
  BenchCase c{"matmul", str(n) + "x" + str(n) + "x" + str(n), "gflops", 2.0 * n * n * n,
              "{\"n\": " + str(n) + "}", "ours", nullptr};
  c.prepare = [n]() -> std::function<void()> {
    auto tape = std::make_shared<Tape>();
    tape->grad_enabled = false;
    Tensor a(Shape{n, n}, 0.5f), b(Shape{n, n}, 0.25f);
    return [tape, a, b] {
      tape->clear();
      ops::matmul(tape->constant(a), tape->constant(b));
    };
  };
  return c;
}

// The same product by Eigen directly (the engine uses engine/kernels/gemm).
BenchCase eigen_matmul_case(int n) {
  BenchCase c = matmul_case(n);
  c.flavour = "eigen";
  c.prepare = [n]() -> std::function<void()> {
    using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    auto m = std::make_shared<std::array<Matrix, 3>>();
    (*m)[0] = Matrix::Constant(n, n, 0.5f);
    (*m)[1] = Matrix::Constant(n, n, 0.25f);
    (*m)[2] = Matrix(n, n);
    return [m] { (*m)[2].noalias() = (*m)[0] * (*m)[1]; };
  };
  return c;
}

// 3x3 convolutions with padding 1 (the loss network's, at its four widths):
// 2 * N * O * H * W * C * 9 flops for the forward pass and for each backward product.
struct ConvShape {
  int n, c, h, w, o;
  std::string label() const { return str(n) + "x" + str(c) + "x" + str(h) + "x" + str(w) + "->" + str(o); }
  std::string json() const {
    return "{\"n\": " + str(n) + ", \"c\": " + str(c) + ", \"h\": " + str(h) + ", \"w\": " + str(w) +
           ", \"o\": " + str(o) + ", \"k\": 3}";
  }
  double flops() const { return 2.0 * n * o * h * w * c * 9; }
};

BenchCase conv_forward_case(ConvShape s) {
  BenchCase c{"conv2d", s.label(), "gflops", s.flops(), s.json(), "ours", nullptr};
  c.prepare = [s]() -> std::function<void()> {
    auto tape = std::make_shared<Tape>();
    tape->grad_enabled = false;
    Tensor x(Shape{s.n, s.c, s.h, s.w}, 0.5f), w(Shape{s.o, s.c, 3, 3}, 0.01f);
    return [tape, x, w] {
      tape->clear();
      ops::conv2d(tape->constant(x), tape->constant(w), Var{}, 1, 1);
    };
  };
  return c;
}

// dx from dy (what a loss network's backward to the pixels runs per layer).
BenchCase conv_input_grad_case(ConvShape s) {
  BenchCase c{"conv2d_dx", s.label(), "gflops", s.flops(), s.json(), "ours", nullptr};
  c.prepare = [s]() -> std::function<void()> {
    auto dx = std::make_shared<Tensor>(Shape{s.n, s.c, s.h, s.w});
    Tensor dy(Shape{s.n, s.o, s.h, s.w}, 0.1f), w(Shape{s.o, s.c, 3, 3}, 0.01f);
    return [dx, dy, w] { ops::conv2d_backward_input(dy, w, 1, 1, *dx); };
  };
  return c;
}

// dw from x and dy (what training a transform network runs per layer).
BenchCase conv_weight_grad_case(ConvShape s) {
  BenchCase c{"conv2d_dw", s.label(), "gflops", s.flops(), s.json(), "ours", nullptr};
  c.prepare = [s]() -> std::function<void()> {
    auto dw = std::make_shared<Tensor>(Shape{s.o, s.c, 3, 3});
    Tensor x(Shape{s.n, s.c, s.h, s.w}, 0.5f), dy(Shape{s.n, s.o, s.h, s.w}, 0.1f);
    return [dw, x, dy] { ops::conv2d_backward_weight(x, dy, 1, 1, *dw); };
  };
  return c;
}

// Training steps of a small tanh MLP (Adam, binary cross-entropy) on 500
// spiral points in batches of 10: the playground's typical network, where
// per-op overhead matters as much as arithmetic. sizes {2, 8, 8, 1} is the
// MLP demo's default; {2, 8 x 6, 1} is its deepest (six hidden layers of 8).
// The network runs as the demo runs it: through the dense stack, with the
// loss on a tape.
BenchCase mlp_train_case(const std::vector<int>& sizes, const std::string& label) {
  constexpr int kSteps = 500;
  std::string sizes_json;
  for (int size : sizes) sizes_json += (sizes_json.empty() ? "" : ", ") + str(size);
  BenchCase c{"mlp_train", label, "steps_per_s", kSteps, "{\"steps\": 200, \"sizes\": [" + sizes_json + "]}", "ours",
              nullptr};
  c.prepare = [sizes]() -> std::function<void()> {
    struct State {
      Pcg32 rng{7};
      Dataset2D data = make_spiral(500, 0.1f, rng);
      Mlp mlp;
      DenseStack stack{&mlp.layers(), mlp.hidden_activations()};
      Adam adam;
      BatchIterator batches{data.size(), 10, rng};
      Tape tape;  // the loss, on the stack's logits
      explicit State(const std::vector<int>& layer_sizes)
          : mlp(layer_sizes, {Activation::Tanh}, rng), adam(mlp.parameters(), 0.01f) {}
    };
    auto s = std::make_shared<State>(sizes);
    return [s] {
      for (int i = 0; i < kSteps; ++i) {
        Batch batch = gather_batch(s->data, s->batches.next());
        s->tape.clear();
        Var logits = s->tape.variable(s->stack.forward(batch.x, {}, nullptr));
        Var loss = ops::binary_cross_entropy_with_logits(logits, s->tape.constant(batch.targets));
        s->adam.zero_grad();
        s->tape.backward(loss);
        s->stack.backward(s->tape.grad(logits));
        s->adam.step();
      }
    };
  };
  return c;
}

// The tape's cost per op, with almost no arithmetic: y = x + c a thousand
// times on four floats, then backward through the chain. Reported in ns per
// recorded op (forward and backward together).
BenchCase tape_overhead_case() {
  constexpr int kOps = 1000;
  BenchCase c{"tape_overhead", "1000 adds of [4]", "ns_per_op", kOps, "{\"ops\": 1000, \"size\": 4}", "ours",
              nullptr};
  c.prepare = []() -> std::function<void()> {
    auto tape = std::make_shared<Tape>();
    return [tape] {
      tape->clear();
      Var x = tape->variable(Tensor(Shape{4}, 0.5f));
      Var step = tape->constant(Tensor(Shape{4}, 0.001f));
      Var y = x;
      for (int i = 0; i < kOps; ++i) y = ops::add(y, step);
      tape->backward(ops::sum(y));
    };
  };
  return c;
}

}  // namespace

std::vector<BenchCase> kernel_cases() {
  std::vector<BenchCase> cases;
  for (int n : {64, 128, 256, 512}) cases.push_back(matmul_case(n));
  for (int n : {64, 128, 256, 512}) cases.push_back(eigen_matmul_case(n));
  for (ConvShape s : {ConvShape{1, 32, 64, 64, 32}, ConvShape{1, 64, 32, 32, 64}}) cases.push_back(conv_forward_case(s));
  const ConvShape style_layers[] = {{1, 16, 256, 256, 16}, {1, 32, 128, 128, 32}, {1, 64, 64, 64, 64},
                                    {1, 128, 32, 32, 128}};
  for (ConvShape s : style_layers) cases.push_back(conv_input_grad_case(s));
  for (ConvShape s : style_layers) cases.push_back(conv_weight_grad_case(s));
  cases.push_back(mlp_train_case({2, 8, 8, 1}, "2-8-8-1 batch 10"));
  cases.push_back(mlp_train_case({2, 8, 8, 8, 8, 8, 8, 1}, "2-(6x8)-1 batch 10"));
  cases.push_back(tape_overhead_case());
  return cases;
}
