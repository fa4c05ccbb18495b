// The two captioning models behind one class, both on ImageEncoder's grid.
//
// Show and Tell (Vinyals et al. 2015): the grid's mean vector starts the LSTM
// (h0 and c0 through linear layers and tanh, as Xu et al. §3.1.2 initialise
// theirs); each step reads only the previous word's embedding, and the
// logits are a linear map of h.
//
// Show, Attend and Tell (Xu et al. 2015, soft attention): the same start, but
// at every step t, from the previous hidden state h_{t-1},
//   alpha_t = softmax_i(v . tanh(h_{t-1} W_q + a_i W_k))   additive attention over the L cells a_i
//   beta_t  = sigmoid(h_{t-1} w_beta + b_beta)              the gating scalar (§4.2.1)
//   z_t     = beta_t sum_i alpha_ti a_i                      the gated context
//   (h_t, c_t) = LSTM([E y_{t-1}, z_t], h_{t-1}, c_t-1)
//   logits  = L_o (E y_{t-1} + L_h h_t + L_z z_t)            the deep output layer (eq. 7)
// Training adds the doubly stochastic penalty lambda sum_i (1 - sum_t alpha_ti)^2
// (eq. 14), averaged over the batch, with the sum over t running over real tokens.
//
// Teacher forcing: the loss is the mean cross-entropy over real (non-<pad>)
// target tokens; padded positions are dropped before the softmax (a row
// gather), so padding changes nothing, and no one-hot is built.
//
// Inference (encode / initial_state / step) records nothing for backward and
// uses only engine ops whose bits agree natively and in WebAssembly.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "demos/captioning/beam_search.h"
#include "demos/captioning/image_encoder.h"
#include "engine/autodiff.h"

enum class CaptionModel { show_tell, attention };
const char* caption_model_name(CaptionModel model);  // "show_tell", "attention" (the weights' name prefix)

struct CaptionerSize {
  int embedding = 32;  // E, also the deep output's width
  int hidden = 96;     // H, the LSTM's width
  int attention = 64;  // A, the additive attention's width
  ImageEncoderSize encoder;
};

// One image's grid, computed once and read at every decoding step.
struct CaptionContext {
  Tensor grid;  // [1, L, D]
  bool ok() const { return !grid.empty(); }
};

// Teacher-forcing data: each caption is <start> w1 .. wn <end>, optionally
// followed by <pad>s; captions may differ in length.
struct CaptionBatch {
  Tensor images;                           // [B, 3, 64, 64]
  std::vector<std::vector<int>> captions;  // B token sequences
};

struct CaptionLossParts {
  float cross_entropy = 0;  // nats per real target token
  float penalty = 0;        // lambda * doubly stochastic term (0 for Show and Tell)
  int tokens = 0;           // real target tokens (<end> included)
};

class Captioner {
 public:
  Captioner(CaptionModel model, uint64_t seed, CaptionerSize size = {});

  CaptionModel model() const { return model_; }
  const CaptionerSize& size() const { return size_; }
  int vocabulary_size() const;
  int state_size() const { return 2 * size_.hidden; }  // h then c

  // lambda of the doubly stochastic penalty (Xu et al. use 1); ignored by Show and Tell.
  float penalty_weight = 1.0f;

  // image [1, 3, 64, 64] (render_scene's); an empty context on a wrong shape.
  CaptionContext encode(const Tensor& image) const;
  std::vector<float> initial_state(const CaptionContext& context) const;  // [h0, c0]
  // One decoding step. attention (if given) receives the step's L weights
  // (cleared for Show and Tell), beta its gate (1 for Show and Tell).
  // An invalid token, state or context gives empty log_probs.
  DecoderStep step(const CaptionContext& context, int previous_token, const std::vector<float>& state,
                   std::vector<float>* attention = nullptr, float* beta = nullptr) const;
  // For beam_search.h: keeps a copy of the grid and a pointer to this model, which must outlive it.
  StepFunction step_function(const CaptionContext& context) const;

  // Teacher forcing: mean cross-entropy over real target tokens + penalty.
  // The per-step attention weights [B, L] are appended to attention_steps if given.
  Var loss(Tape& tape, const CaptionBatch& batch, CaptionLossParts* parts = nullptr,
           std::vector<Var>* attention_steps = nullptr);

  std::vector<Parameter*> parameters();
  std::vector<const Parameter*> parameters() const;
  size_t parameter_count() const;

 private:
  struct StepOutput {
    Var h, c, logits, alpha, beta;
  };
  // One step on a tape: grid [B, L, D], previous tokens [B], state [B, H] each.
  StepOutput decode_step(Tape& tape, Var grid, const std::vector<int>& previous, Var h, Var c) const;
  void initial_vars(Tape& tape, Var grid, Var* h, Var* c) const;

  CaptionModel model_;
  CaptionerSize size_;
  ImageEncoder encoder_;
  // Mutable: a tape borrows parameters through non-const references even to read them.
  mutable Parameter embedding_;                     // [V, E]
  mutable Parameter init_h_w_, init_h_b_, init_c_w_, init_c_b_;  // [D, H], [H]
  mutable Parameter lstm_w_input_, lstm_w_hidden_, lstm_bias_;   // [I, 4H], [H, 4H], [4H]
  // Show and Tell's readout.
  mutable Parameter out_w_, out_b_;  // [H, V], [V]
  // Show, Attend and Tell's attention, gate and deep output.
  mutable Parameter att_query_, att_key_, att_v_;  // [H, A], [D, A], [A]
  mutable Parameter beta_w_, beta_b_;              // [H, 1], [1]
  mutable Parameter deep_h_, deep_z_;              // [H, E], [D, E]
};
