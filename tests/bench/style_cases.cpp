// Style transfer's two heavy computations at 256 x 256 (issue 11, "Performance"):
// - one Gatys iteration: forward through a VGG-shaped loss network and
//   backward to the pixels (the weights are constants: no weight gradients);
// - the fast transform network's forward pass (demos/style_transfer/transform_network.h).
// tools/bench_tfjs.js builds the same networks from `params`.
#include <memory>

#include "demos/style_transfer/transform_network.h"
#include "engine/autodiff.h"
#include "engine/init.h"
#include "engine/ops/activations.h"
#include "engine/ops/conv.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/gram.h"
#include "engine/ops/losses.h"
#include "engine/ops/padding.h"
#include "engine/ops/pooling.h"
#include "tests/bench/bench_case.h"

namespace {

std::string str(int x) { return std::to_string(x); }

std::string json_list(const std::vector<int>& xs) {
  std::string out = "[";
  for (size_t i = 0; i < xs.size(); ++i) out += (i ? ", " : "") + str(xs[i]);
  return out + "]";
}

// The loss network as the bench describes it (st-gatys' class is not merged
// yet): blocks of two reflection-padded 3x3 convs + ReLU at widths[b]
// channels, 2x2 average pooling between blocks, He-normal weights, no bias.
// Style layers relu{b}_1 for every block, content layer relu3_2, so the
// forward pass stops at the last block's first conv (what the loss reads).
struct VggLossNetwork {
  std::vector<int> widths;
  std::vector<Tensor> weights;  // [out, in, 3, 3], in forward order

  VggLossNetwork(std::vector<int> block_widths, uint64_t seed) : widths(std::move(block_widths)) {
    Pcg32 rng(seed);
    int in = 3;
    for (int out : widths)
      for (int conv = 0; conv < 2; ++conv) {
        weights.emplace_back(Shape{out, in, 3, 3});
        he_normal(weights.back(), rng, in * 9);
        in = out;
      }
  }

  // The style features (one per block) and the content feature of `image`.
  void features(Tape& tape, Var image, std::vector<Var>& style, Var& content) const {
    style.clear();
    Var x = image;
    for (size_t b = 0; b < widths.size(); ++b) {
      if (b > 0) x = ops::avg_pool2d(x, 2, 2);
      for (int conv = 0; conv < 2; ++conv) {
        if (b + 1 == widths.size() && conv == 1) return;  // nothing reads relu{last}_2
        x = ops::relu(ops::conv2d(ops::pad_reflect(x, 1), tape.constant(weights[2 * b + conv]), Var{}, 1, 0));
        if (conv == 0) style.push_back(x);
        if (b == 2 && conv == 1) content = x;
      }
    }
  }
};

// A deterministic test image [1, 3, size, size] in [0, 1].
Tensor pattern_image(int size, uint64_t seed) {
  Tensor image(Shape{1, 3, size, size});
  Pcg32 rng(seed);
  for (int i = 0; i < image.size(); ++i) image[i] = rng.uniform();
  return image;
}

// loss = sum_l mse(gram(F_l(x)), gram(F_l(style))) * 1e4 + mse(F_content(x), F_content(content)); d loss / d x.
BenchCase gatys_case(int size, std::vector<int> widths) {
  BenchCase c{"gatys_iteration", str(size) + "x" + str(size) + " widths " + json_list(widths), "ms", 1,
              "{\"size\": " + str(size) + ", \"widths\": " + json_list(widths) + "}", "ours", nullptr};
  c.prepare = [size, widths]() -> std::function<void()> {
    struct State {
      VggLossNetwork network;
      std::vector<Tensor> style_grams;
      Tensor content_features, pixels;
      Tape tape;
    };
    auto s = std::make_shared<State>(State{VggLossNetwork(widths, 11), {}, {}, pattern_image(size, 3), Tape()});
    {  // the targets, once
      Tape& tape = s->tape;
      NoGradScope no_grad(tape);
      std::vector<Var> style;
      Var content;
      s->network.features(tape, tape.constant(pattern_image(size, 2)), style, content);
      for (Var f : style) s->style_grams.push_back(ops::gram_matrix(f).value().clone());
      s->network.features(tape, tape.constant(pattern_image(size, 1)), style, content);
      s->content_features = content.value().clone();
      tape.clear();
    }
    return [s] {
      Tape& tape = s->tape;
      tape.clear();
      Var x = tape.variable(s->pixels);
      std::vector<Var> style;
      Var content;
      s->network.features(tape, x, style, content);
      Var loss = ops::mse(content, tape.constant(s->content_features));
      for (size_t l = 0; l < style.size(); ++l)
        loss = ops::add(loss, ops::scale(ops::mse(ops::gram_matrix(style[l]), tape.constant(s->style_grams[l])), 1e4f));
      tape.backward(loss);
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
  return {gatys_case(256, {16, 32, 64, 128}), fast_forward_case(256, TransformNetworkShape{})};
}
