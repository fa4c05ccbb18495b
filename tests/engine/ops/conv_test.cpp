// tests/engine/ops/conv_test.cpp: 2-D convolution (im2col forward, col2im backward).
#include "engine/ops/conv.h"

#include <doctest/doctest.h>

#include "tests/engine/gradcheck.h"

namespace {

void expect_gradients(const GradCheckFunction& f, const std::vector<Tensor>& inputs) {
  GradCheckResult r = gradcheck(f, inputs);
  CHECK_MESSAGE(r.ok, r.report);
}

// Checks d/dx, d/dw and (if given) d/dbias of conv2d on x [N,C,H,W] and w [O,C,kh,kw].
void expect_conv_gradients(const Shape& x, const Shape& w, bool with_bias, int stride, int padding) {
  CAPTURE(x.str());
  CAPTURE(w.str());
  CAPTURE(with_bias);
  std::vector<Tensor> inputs{random_tensor(x, 31), random_tensor(w, 32)};
  if (with_bias) inputs.push_back(random_tensor({w[0]}, 33));
  expect_gradients(
      [stride, padding](Tape&, const std::vector<Var>& v) {
        return ops::conv2d(v[0], v[1], v.size() > 2 ? v[2] : Var{}, stride, padding);
      },
      inputs);
}

// The definition, one output element at a time, as an independent reference.
Tensor direct_conv2d(const Tensor& x, const Tensor& w, const Tensor& bias, int stride, int padding) {
  const int n_images = x.dim(0), channels = x.dim(1), height = x.dim(2), width = x.dim(3);
  const int outs = w.dim(0), kh = w.dim(2), kw = w.dim(3);
  const int out_h = (height + 2 * padding - kh) / stride + 1, out_w = (width + 2 * padding - kw) / stride + 1;
  Tensor y(Shape{n_images, outs, out_h, out_w});
  for (int n = 0; n < n_images; ++n)
    for (int o = 0; o < outs; ++o)
      for (int oh = 0; oh < out_h; ++oh)
        for (int ow = 0; ow < out_w; ++ow) {
          double total = bias[o];
          for (int c = 0; c < channels; ++c)
            for (int i = 0; i < kh; ++i)
              for (int j = 0; j < kw; ++j) {
                int ih = oh * stride + i - padding, iw = ow * stride + j - padding;
                if (ih < 0 || ih >= height || iw < 0 || iw >= width) continue;
                total += static_cast<double>(x[((n * channels + c) * height + ih) * width + iw]) *
                         w[((o * channels + c) * kh + i) * kw + j];
              }
          y[((n * outs + o) * out_h + oh) * out_w + ow] = static_cast<float>(total);
        }
  return y;
}

}  // namespace

TEST_CASE("conv2d of a 3x3 image with a 2x2 kernel and a bias matches a hand computation") {
  Tape tape;
  Var x = tape.constant(Tensor::from({1, 1, 3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9}));
  Var w = tape.constant(Tensor::from({1, 1, 2, 2}, {1, 2, 3, 4}));
  Var b = tape.constant(Tensor::from({1}, {10}));
  Var y = ops::conv2d(x, w, b);
  // Top-left: 1*1 + 2*2 + 4*3 + 5*4 + 10 = 47; each step right adds 1+2+3+4 = 10, each step down 30.
  CHECK(y.shape() == Shape{1, 1, 2, 2});
  CHECK(y.value().to_vector() == std::vector<float>{47, 57, 77, 87});
}

TEST_CASE("conv2d with stride 2 and padding 1 sums the zero-padded windows by hand") {
  Tape tape;
  Var x = tape.constant(Tensor::from({1, 1, 3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9}));
  Var ones = tape.constant(Tensor(Shape{1, 1, 3, 3}, 1.0f));
  Var y = ops::conv2d(x, ones, Var{}, 2, 1);
  // Windows centred on the corners: each sees the 2x2 block of the image next to its corner.
  CHECK(y.shape() == Shape{1, 1, 2, 2});
  CHECK(y.value().to_vector() == std::vector<float>{1 + 2 + 4 + 5, 2 + 3 + 5 + 6, 4 + 5 + 7 + 8, 5 + 6 + 8 + 9});
}

TEST_CASE("conv2d agrees with the direct sum over each window on multi-channel batches") {
  struct Case {
    Shape x, w;
    int stride, padding;
  };
  for (const Case& c : {Case{{2, 3, 7, 5}, {4, 3, 3, 3}, 1, 0}, Case{{2, 3, 7, 5}, {4, 3, 3, 3}, 2, 1},
                        Case{{1, 2, 6, 9}, {3, 2, 2, 4}, 3, 2}, Case{{3, 5, 4, 4}, {2, 5, 1, 1}, 1, 0},
                        // stride 1 with rows of 8+ outputs take the direct kernel: full and partial tiles
                        Case{{2, 3, 6, 13}, {5, 3, 3, 3}, 1, 1}, Case{{1, 9, 3, 17}, {4, 9, 2, 5}, 1, 0},
                        Case{{1, 2, 2, 8}, {1, 2, 1, 1}, 1, 0}}) {
    CAPTURE(c.x.str());
    CAPTURE(c.w.str());
    Tensor x = random_tensor(c.x, 41), w = random_tensor(c.w, 42), b = random_tensor({c.w[0]}, 43);
    Tape tape;
    Var y = ops::conv2d(tape.constant(x), tape.constant(w), tape.constant(b), c.stride, c.padding);
    Tensor expected = direct_conv2d(x, w, b, c.stride, c.padding);
    REQUIRE(y.shape() == expected.shape());
    for (int i = 0; i < expected.size(); ++i) CHECK(y.value()[i] == doctest::Approx(expected[i]).epsilon(1e-5));
  }
}

TEST_CASE("conv2d with stride 2 and padding 1 matches finite differences") {
  expect_conv_gradients({2, 3, 5, 7}, {2, 3, 3, 3}, true, 2, 1);
  expect_conv_gradients({1, 2, 6, 5}, {3, 2, 3, 3}, false, 2, 1);
}

TEST_CASE("conv2d with stride 1 and padding 0 matches finite differences, with and without bias") {
  expect_conv_gradients({1, 2, 3, 10}, {5, 2, 3, 3}, true, 1, 1);  // the direct forward kernel
  expect_conv_gradients({2, 2, 5, 3}, {3, 2, 3, 2}, true, 1, 0);
  expect_conv_gradients({2, 2, 5, 3}, {3, 2, 3, 2}, false, 1, 0);
}

TEST_CASE("conv2d with a 1x1 kernel matches finite differences") {
  expect_conv_gradients({2, 3, 3, 5}, {4, 3, 1, 1}, true, 1, 0);
  expect_conv_gradients({1, 3, 5, 5}, {2, 3, 1, 1}, false, 2, 0);
}

TEST_CASE("conv2d on a non-square input with a non-square kernel and padding 2 matches finite differences") {
  expect_conv_gradients({1, 2, 3, 7}, {2, 2, 2, 5}, true, 1, 2);
  expect_conv_gradients({1, 1, 7, 4}, {1, 1, 5, 3}, true, 3, 1);
}

TEST_CASE("conv2d reports bad shapes and arguments by name and shape") {
  Tape tape;
  auto attempt = [&tape](const Shape& x, const Shape& w, int stride, int padding) {
    tape.clear();
    Var y = ops::conv2d(tape.constant(Tensor(x)), tape.constant(Tensor(w)), Var{}, stride, padding);
    CHECK_FALSE(y.ok());
    return tape.error();
  };
  CHECK(attempt({1, 3, 5, 5}, {2, 4, 3, 3}, 1, 0) ==
        "conv2d: x has 3 channels but w expects 4: x [1, 3, 5, 5], w [2, 4, 3, 3]");
  CHECK(attempt({1, 1, 4, 4}, {1, 1, 7, 3}, 1, 1) ==
        "conv2d: kernel 7x3 is bigger than the padded input 6x6: x [1, 1, 4, 4], w [1, 1, 7, 3], padding 1");
  CHECK(attempt({1, 1, 4, 4}, {1, 1, 3, 3}, 0, 0) == "conv2d: stride must be >= 1, got 0");
  CHECK(attempt({1, 1, 4, 4}, {1, 1, 3, 3}, 1, -1) == "conv2d: padding must be >= 0, got -1");
  CHECK(attempt({4, 4}, {1, 1, 3, 3}, 1, 0) ==
        "conv2d: need x [N, C, H, W] and w [O, C, kh, kw], got x [4, 4], w [1, 1, 3, 3]");

  tape.clear();
  Var bad_bias = ops::conv2d(tape.constant(Tensor(Shape{1, 1, 4, 4})), tape.constant(Tensor(Shape{2, 1, 3, 3})),
                             tape.constant(Tensor(Shape{3})));
  CHECK_FALSE(bad_bias.ok());
  CHECK(tape.error() == "conv2d: bias [3] must be [2], one per output channel of w [2, 1, 3, 3]");
}

TEST_CASE("conv2d on a failed input returns a failed value and keeps the first error") {
  Tape tape;
  Var failed = tape.fail("earlier: broke");
  Var y = ops::conv2d(failed, tape.constant(Tensor(Shape{1, 1, 1, 1})));
  CHECK_FALSE(y.ok());
  CHECK(tape.error() == "earlier: broke");
  Var z = ops::conv2d(tape.constant(Tensor(Shape{1, 1, 2, 2})), tape.constant(Tensor(Shape{1, 1, 1, 1})), failed);
  CHECK_FALSE(z.ok());
  CHECK(tape.error() == "earlier: broke");
}
