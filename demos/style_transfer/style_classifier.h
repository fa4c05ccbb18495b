// The loss network's trained kind: the LossNetwork shape with a global
// average pool and a linear head on relu4_2, trained to tell which source
// image a crop came from (classifier_data.h). It is the "network pretrained
// for classification" of Johnson et al. 2016, from data we can ship; no
// ImageNet network is available offline. Batch norm was not needed: plain
// He-initialised convolutions train with Adam at this depth.
//
// The shipped file, assets/style-loss-net.dlpw, holds the trunk (conv*.*)
// and the head (head.*); style transfer uses the trunk only.
#pragma once

#include <cstdint>
#include <vector>

#include "demos/style_transfer/classifier_data.h"
#include "demos/style_transfer/loss_network.h"
#include "engine/layers/linear.h"
#include "engine/optim/adam.h"

class StyleClassifier {
 public:
  StyleClassifier(int classes, uint64_t seed, std::vector<int> widths = LossNetwork::default_widths());

  // images [B, 3, H, W] in [0, 1] -> logits [B, classes].
  Var logits(Tape& tape, Var images);

  // Rescales the trunk's layers to mean activation 1 over `images`
  // (LossNetwork::normalise_activations) and divides the head's weights by the
  // last layer's factor, so the logits stay the same.
  void normalise(const std::vector<Tensor>& images);

  std::vector<Parameter*> parameters();
  std::vector<const Parameter*> const_parameters() const;
  LoadResult load(const uint8_t* data, size_t size) { return load_weights(data, size, parameters()); }
  std::vector<uint8_t> save() const { return save_weights(const_parameters()); }
  int classes() const { return head_.out_features(); }

  LossNetwork trunk;

 private:
  Linear head_;
};

struct ClassifierTrainingSettings {
  int batch = 64;
  int crop = 64;
  float learning_rate = 1e-3f;
  uint64_t data_seed = 7;
};

// One Adam step per call on a fresh batch of augmented crops.
class ClassifierTraining {
 public:
  ClassifierTraining(StyleClassifier& model, const std::vector<ClassifierImage>& sources,
                     ClassifierTrainingSettings settings);
  float step();  // the batch's mean cross-entropy before the update (nats)
  int steps() const { return optimizer_.steps; }

 private:
  StyleClassifier& model_;
  const std::vector<ClassifierImage>& sources_;
  ClassifierTrainingSettings settings_;
  Adam optimizer_;
  Pcg32 rng_;
};

// The fraction of `crops` fresh crops (seeded, augmented like training, in
// batches of 32) whose most likely class is the source they came from.
float classifier_accuracy(StyleClassifier& model, const std::vector<ClassifierImage>& sources, int crops, int crop,
                          uint64_t seed);
