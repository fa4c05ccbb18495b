// The image transform network of fast style transfer (Johnson, Alahi & Fei-Fei
// 2016, "Perceptual Losses for Real-Time Style Transfer and Super-Resolution"),
// small enough for the browser, with several styles in one set of weights.
//
//   9x9 conv -> 3x3 conv stride 2 -> 3x3 conv stride 2          (encoder: W1, W2, W3 channels)
//   R residual blocks of two 3x3 convs at W3 channels
//   nearest x2 + 3x3 conv -> nearest x2 + 3x3 conv -> 9x9 conv   (decoder: W2, W1, 3 channels)
//
// Every conv is followed by instance normalisation (Ulyanov et al. 2016) and a
// ReLU, except the last, whose output r corrects the input image in logit space:
// y = sigmoid(logit(x) + r), pixels in (0, 1); at the start (the last gamma is
// 0.1) y is close to x, as Gatys optimisation starts from the content. Convs read
// reflection-padded input, so the borders carry no dark frame, and the decoder
// resizes then convolves instead of using transposed convolutions, which leave
// checkerboards (Odena, Dumoulin & Olah 2016, "Deconvolution and Checkerboard
// Artifacts"). No conv has a bias: the normalisation after it removes it.
//
// Conditional instance normalisation (Dumoulin, Shlens & Kudlur 2017, "A
// Learned Representation for Artistic Style"): all styles share the conv
// weights and each style has only its own gamma and beta per normalisation
// layer. A convex combination of the styles' gammas and betas blends styles.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/autodiff.h"

struct TransformNetworkShape {
  int styles = 4;
  int width1 = 16, width2 = 32, width3 = 64;  // channels at full, 1/2 and 1/4 resolution
  int residual_blocks = 3;
  int outer_kernel = 9;  // the first and last convs' kernel size (odd)

  std::string problem() const;  // "" if the shape is buildable, else why not
  bool operator==(const TransformNetworkShape& other) const = default;
};

class TransformNetwork {
 public:
  // He-normal conv weights from `seed`; every style's gamma = 1 and beta = 0.
  // The shape must be valid (see TransformNetworkShape::problem()).
  TransformNetwork(const TransformNetworkShape& shape, uint64_t seed);
  TransformNetwork(const TransformNetwork&) = delete;
  TransformNetwork& operator=(const TransformNetwork&) = delete;

  const TransformNetworkShape& shape() const { return shape_; }

  // images [N, 3, H, W] -> [N, 3, H, W] in (0, 1). H and W must be multiples
  // of 4 and at least input_size_minimum() (checked; a failed Var otherwise).
  // style_weights: one non-negative weight per style (a blend; normalised to
  // sum 1 here). A one-hot blend reads that style's parameters directly, so
  // training sends gradients to that style's gamma and beta only.
  Var forward(Tape& tape, Var images, const std::vector<float>& style_weights);
  Var forward(Tape& tape, Var images, int style);  // one style
  int input_size_minimum() const;

  std::vector<Parameter*> parameters();              // all of them, in a fixed order
  std::vector<const Parameter*> parameters() const;
  std::vector<Parameter*> shared_parameters();       // the conv weights
  std::vector<Parameter*> style_parameters(int style);  // that style's gammas and betas
  size_t parameter_count() const;
  // Multiply-adds of one forward pass on a height x width image.
  double forward_macs(int height, int width) const;

 private:
  struct Conv {
    Parameter weight;  // [out, in, k, k]
    int stride;
  };
  struct StyleNorms {
    std::vector<Parameter> gamma, beta;  // one [C] each per normalisation layer
  };

  // conv (reflection padding k/2) -> conditional instance norm number `norm`.
  Var conv_norm(Tape& tape, Var x, Conv& conv, int norm, const std::vector<float>& weights);
  Var blended(Tape& tape, std::vector<Parameter> StyleNorms::*field, int norm, const std::vector<float>& weights);

  TransformNetworkShape shape_;
  std::vector<Conv> convs_;  // encoder 3, residual 2R, decoder 3: one norm layer each, in order
  std::vector<StyleNorms> styles_;
};

// The result of stylising one image (no tape kept).
struct StyliseResult {
  bool ok = false;
  std::string error;  // "stylise: ..." when !ok
  Tensor image;       // [1, 3, H, W] in [0, 1]
};

// content [1, 3, H, W] in [0, 1]. style_weights blends the styles' normalisation
// parameters (Dumoulin et al.'s convex combination); strength in [0, 1] blends
// the output with the content pixel by pixel: strength * stylised + (1 - strength) * content
// (0 gives the content back, 1 the network's output).
StyliseResult stylise(TransformNetwork& network, const Tensor& content, const std::vector<float>& style_weights,
                      float strength = 1.0f);
// One style: a one-hot blend.
StyliseResult stylise(TransformNetwork& network, const Tensor& content, int style, float strength = 1.0f);
