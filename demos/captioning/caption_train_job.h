// The "caption_train" background job: trains one captioner in the page
// (issue 12, part 5), from its seeded initialisation or on from the shipped
// weights, one Adam step of CaptionTrainer per step(), off the UI thread
// (demos/background_job.h). Every few steps it decodes a fixed sample of
// test scenes greedily for BLEU-4 and sends the weights, so the demo can
// caption with the model as it learns.
//
// Input and messages are bytes, built and read only by the functions here so
// the demo and the job cannot disagree (little-endian, engine/io/tensor_bytes.h).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "demos/background_job.h"
#include "demos/captioning/captioner.h"

struct CaptionTrainInput {
  CaptionModel model = CaptionModel::attention;
  int steps = 300;
  int batch = 16;
  float learning_rate = 2e-3f;
  float penalty = 0.02f;  // lambda of the doubly stochastic penalty (attention only)
  uint32_t seed = 1;      // the initialisation (from scratch) and the stream of training scenes
  int evaluate_every = 25;
  int evaluate_scenes = 20;  // test scenes 1..N, greedy
  Bytes items;               // data/fashion-mnist.bin (scene.h's SceneItems)
  Bytes shipped_weights;     // data/captioner.dlpw to go on from; empty: from scratch
};

// "DLCT", u32 version 1, u32 model, steps, batch, f32 learning rate, penalty,
// u32 seed, evaluate_every, evaluate_scenes, blob items, blob shipped weights.
Bytes encode_caption_train_input(const CaptionTrainInput& input);
bool decode_caption_train_input(const Bytes& bytes, CaptionTrainInput* input, std::string* error);

struct CaptionTrainMessage {
  int step = 0, steps = 0;  // steps done (0: the starting point, before any update), of the total
  float loss = 0, cross_entropy = 0, penalty = 0;  // of this step's batch, before its update (NaN at step 0)
  float bleu4 = -1;         // corpus BLEU-4 of the sample after this step; -1 when not evaluated
  Bytes weights;            // the model's tensors (save_captioner) when evaluated; empty otherwise
  std::string error;        // set in the last message if training failed
};
// "DLCM", u32 step, steps, f32 loss, cross-entropy, penalty, BLEU-4, blob weights, string error.
Bytes encode_caption_train_message(const CaptionTrainMessage& message);
bool decode_caption_train_message(const Bytes& bytes, CaptionTrainMessage* message, std::string* error);

class CaptionTrainJob : public BackgroundJob {
 public:
  CaptionTrainJob();
  ~CaptionTrainJob() override;
  bool start(const Bytes& input, std::string* error) override;
  bool step(Bytes* message) override;  // step 0 scores the start; then one update per call
  static std::unique_ptr<BackgroundJob> make();

 private:
  struct State;
  std::unique_ptr<State> state_;
};
