// The loss network of neural style transfer: a small VGG-shaped stack of 3x3
// convolutions whose activations define "content" (feature maps) and "style"
// (their Gram matrices), as in Gatys et al. 2016 and Johnson et al. 2016.
//
// Four blocks of two convolutions, each followed by a ReLU; a 2x2 average
// pooling between blocks (Gatys et al. found average pooling gives smoother
// results than max); reflection padding so the border is not a dark frame.
// Layers are named as in VGG: relu1_1, relu1_2, relu2_1, ..., relu4_2.
//
// Input normalisation: the image [1, 3, H, W] in [0, 1] enters as 2x - 1, so
// mid-grey is 0 in every channel. H and W must be at least 16, so that block 4
// still has 2x2 pixels to reflect.
//
// Two kinds share this shape:
//  - random: He-normal weights from a seed, zero biases, then every ReLU
//    layer rescaled so its mean activation over a few images is 1 (He, Wang &
//    Hopcroft 2016, "A powerful generative model using random weights for the
//    deep image representation");
//  - classifier: the same shape trained to tell which source image a crop came
//    from (tools/train_style_classifier.cpp), loaded from a DLPW file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/autodiff.h"
#include "engine/io/weights.h"

enum class LossNetworkKind { Random, Classifier };

class LossNetwork {
 public:
  static constexpr int kBlocks = 4;
  static constexpr int kLayers = 2 * kBlocks;  // convolutions (= ReLU layers)
  static constexpr int kMinImageSize = 16;
  // Channels per block. [16, 32, 64, 128]: 293 k parameters (1.17 MB as
  // float32), a quarter of the cost of the prototype's [32, 64, 128, 256].
  static std::vector<int> default_widths() { return {16, 32, 64, 128}; }
  static const std::vector<std::string>& layer_names();  // relu1_1 ... relu4_2
  static int layer_index(const std::string& name);       // -1 if unknown

  explicit LossNetwork(std::vector<int> block_widths = default_widths());

  // He-normal weights N(0, 2 / fan_in) from `seed`, zero biases.
  void init_random(uint64_t seed);
  // Rescales each ReLU layer in turn so that its mean activation over
  // `images` (each [1, 3, H, W]) is 1. Layer l's weights and bias are
  // multiplied by s_l = 1 / mean and layer l+1's weights by 1 / s_l, so only
  // layer l's own output changes scale; the network's later layers compute
  // the same function. Layers whose mean is 0 (all dead) are left alone.
  void normalise_activations(const std::vector<Tensor>& images);

  // The deterministic random kind: init_random(seed), then
  // normalise_activations over a fixed set of seeded procedural images.
  static LossNetwork random_normalised(uint64_t seed, std::vector<int> block_widths = default_widths());

  LoadResult load(const uint8_t* data, size_t size) { return load_weights(data, size, parameters()); }
  std::vector<uint8_t> save() const { return save_weights(const_parameters()); }

  // The activations of `layers` (names from layer_names()) for image
  // [1, 3, H, W] in [0, 1], in the order asked. The forward pass stops at the
  // deepest layer asked for. An unknown name or a bad shape fails the tape
  // with a message. The weights enter as constants (style transfer wants
  // gradients for the pixels only) unless weight_gradients is set (training).
  std::vector<Var> features(Tape& tape, Var image, const std::vector<std::string>& layers,
                            bool weight_gradients = false);

  std::vector<Parameter*> parameters();
  std::vector<const Parameter*> const_parameters() const;
  const std::vector<int>& widths() const { return widths_; }
  int channels_of(int layer) const { return widths_[static_cast<size_t>(layer / 2)]; }
  int parameter_count() const;

 private:
  Var conv_relu(Tape& tape, Var x, int layer, bool weight_gradients);

  std::vector<int> widths_;
  std::vector<Parameter> weights_;  // [out, in, 3, 3] per layer
  std::vector<Parameter> biases_;   // [out] per layer
};

// `count` seeded images [1, 3, size, size] (size rounded down to a multiple
// of 16) with varied colour and structure (smooth colour fields, stripes,
// noise) for normalise_activations when no photos are at hand.
std::vector<Tensor> normalisation_images(int count, int size, uint64_t seed);
