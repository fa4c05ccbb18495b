// Style transfer's two heavy computations at 256 x 256 (issue 11, "Performance"):
// - one Gatys iteration: forward through the loss network
//   (demos/style_transfer/loss_network.h) and backward to the pixels (the
//   weights are constants: no weight gradients);
// - the fast transform network's forward pass (demos/style_transfer/transform_network.h).
// tools/bench_tfjs.js builds the same networks from `params`.
#include <memory>

#include "demos/style_transfer/loss_network.h"
#include "demos/style_transfer/perceptual_loss.h"
#include "demos/style_transfer/transform_network.h"
#include "engine/autodiff.h"
#include "tests/bench/bench_case.h"

namespace {

std::string str(int x) { return std::to_string(x); }

std::string json_list(const std::vector<int>& xs) {
  std::string out = "[";
  for (size_t i = 0; i < xs.size(); ++i) out += (i ? ", " : "") + str(xs[i]);
  return out + "]";
}

// A deterministic test image [1, 3, size, size] in [0, 1].
Tensor pattern_image(int size, uint64_t seed) {
  Tensor image(Shape{1, 3, size, size});
  Pcg32 rng(seed);
  for (int i = 0; i < image.size(); ++i) image[i] = rng.uniform();
  return image;
}

// One evaluation of the demo's Gatys loss (demos/style_transfer/perceptual_loss.h,
// default settings: content relu3_2, style relu1_1..relu4_1, TV) through the
// random normalised loss network, and its gradient for the pixels.
BenchCase gatys_case(int size) {
  const std::vector<int> widths = LossNetwork::default_widths();
  BenchCase c{"gatys_iteration", str(size) + "x" + str(size) + " widths " + json_list(widths), "ms", 1,
              "{\"size\": " + str(size) + ", \"widths\": " + json_list(widths) + "}", "ours", nullptr};
  c.prepare = [size]() -> std::function<void()> {
    struct State {
      LossNetwork network = LossNetwork::random_normalised(11);
      PerceptualLoss loss{network, PerceptualLossSettings{}};
      Tensor pixels;
      Tape tape;
    };
    auto s = std::make_shared<State>();
    std::string error;
    if (!s->loss.set_targets(pattern_image(size, 1), pattern_image(size, 2), &error)) return nullptr;
    s->pixels = pattern_image(size, 3);
    return [s] {
      Tape& tape = s->tape;
      tape.clear();
      Var x = tape.variable(s->pixels);
      tape.backward(s->loss.evaluate(tape, x).total);
      (void)tape.grad(x);
    };
  };
  return c;
}

// The transform network's forward pass on one image (stylise(): the demo's call).
BenchCase fast_forward_case(int size, TransformNetworkShape shape) {
  const std::string label = str(size) + "x" + str(size) + " widths " +
                            json_list({shape.width1, shape.width2, shape.width3}) + " res " +
                            str(shape.residual_blocks) + " k" + str(shape.outer_kernel);
  BenchCase c{"fast_forward", label, "ms", 1,
              "{\"size\": " + str(size) + ", \"widths\": " + json_list({shape.width1, shape.width2, shape.width3}) +
                  ", \"residual_blocks\": " + str(shape.residual_blocks) +
                  ", \"outer_kernel\": " + str(shape.outer_kernel) + "}",
              "ours", nullptr};
  c.prepare = [size, shape]() -> std::function<void()> {
    auto network = std::make_shared<TransformNetwork>(shape, 5);
    Tensor content = pattern_image(size, 1);
    return [network, content] { stylise(*network, content, 0); };
  };
  return c;
}

}  // namespace

std::vector<BenchCase> style_cases() {
  return {gatys_case(256), fast_forward_case(256, TransformNetworkShape{})};
}
