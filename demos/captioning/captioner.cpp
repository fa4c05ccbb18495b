#include "demos/captioning/captioner.h"

#include <algorithm>

#include "demos/captioning/vocabulary.h"
#include "engine/init.h"
#include "engine/ops/activations.h"
#include "engine/ops/attention.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/embedding.h"
#include "engine/ops/linalg.h"
#include "engine/ops/losses.h"
#include "engine/ops/recurrent.h"
#include "engine/ops/softmax.h"

namespace {

Parameter glorot(const std::string& name, int in, int out, Pcg32& rng) {
  Parameter p(name, Tensor(Shape{in, out}));
  glorot_uniform(p.value, rng, in, out);
  return p;
}

Parameter zeros(const std::string& name, const Shape& shape) { return Parameter(name, Tensor(shape)); }

int caption_vocabulary() { return Vocabulary::captions().size(); }

}  // namespace

const char* caption_model_name(CaptionModel model) {
  return model == CaptionModel::attention ? "attention" : "show_tell";
}

Captioner::Captioner(CaptionModel model, uint64_t seed, CaptionerSize size)
    : model_(model), size_(size), encoder_(seed, size.encoder, std::string(caption_model_name(model)) + ".encoder") {
  size_.embedding = std::max(1, size_.embedding);
  size_.hidden = std::max(1, size_.hidden);
  size_.attention = std::max(1, size_.attention);
  size_.encoder = encoder_.size();
  const std::string prefix = std::string(caption_model_name(model)) + ".";
  const int V = caption_vocabulary(), E = size_.embedding, H = size_.hidden, A = size_.attention;
  const int D = encoder_.depth();
  const bool attends = model == CaptionModel::attention;
  Pcg32 rng(seed, 0x6465636f646572ULL);  // the decoder's own stream
  embedding_ = Parameter(prefix + "embedding", Tensor(Shape{V, E}));
  fill_uniform(embedding_.value, rng, -0.1f, 0.1f);
  init_h_w_ = glorot(prefix + "init_h.weight", D, H, rng);
  init_h_b_ = zeros(prefix + "init_h.bias", Shape{H});
  init_c_w_ = glorot(prefix + "init_c.weight", D, H, rng);
  init_c_b_ = zeros(prefix + "init_c.bias", Shape{H});
  const int input = attends ? E + D : E;
  lstm_w_input_ = glorot(prefix + "lstm.w_input", input, 4 * H, rng);
  lstm_w_hidden_ = glorot(prefix + "lstm.w_hidden", H, 4 * H, rng);
  lstm_bias_ = zeros(prefix + "lstm.bias", Shape{4 * H});
  // Forget-gate bias 1 (Jozefowicz et al. 2015): the cell remembers by default.
  for (int j = H; j < 2 * H; ++j) lstm_bias_.value[j] = 1.0f;
  out_w_ = glorot(prefix + "output.weight", attends ? E : H, V, rng);
  out_b_ = zeros(prefix + "output.bias", Shape{V});
  if (attends) {
    att_query_ = glorot(prefix + "attention.w_query", H, A, rng);
    att_key_ = glorot(prefix + "attention.w_key", D, A, rng);
    att_v_ = Parameter(prefix + "attention.v", Tensor(Shape{A}));
    fill_uniform(att_v_.value, rng, -0.1f, 0.1f);
    beta_w_ = glorot(prefix + "beta.weight", H, 1, rng);
    beta_b_ = zeros(prefix + "beta.bias", Shape{1});
    deep_h_ = glorot(prefix + "deep_output.w_hidden", H, E, rng);
    deep_z_ = glorot(prefix + "deep_output.w_context", D, E, rng);
  }
}

int Captioner::vocabulary_size() const { return caption_vocabulary(); }

std::vector<Parameter*> Captioner::parameters() {
  std::vector<Parameter*> list = encoder_.parameters();
  for (Parameter* p : {&embedding_, &init_h_w_, &init_h_b_, &init_c_w_, &init_c_b_, &lstm_w_input_, &lstm_w_hidden_,
                       &lstm_bias_, &out_w_, &out_b_})
    list.push_back(p);
  if (model_ == CaptionModel::attention)
    for (Parameter* p : {&att_query_, &att_key_, &att_v_, &beta_w_, &beta_b_, &deep_h_, &deep_z_}) list.push_back(p);
  return list;
}

std::vector<const Parameter*> Captioner::parameters() const {
  std::vector<const Parameter*> list;
  for (Parameter* p : const_cast<Captioner*>(this)->parameters()) list.push_back(p);
  return list;
}

size_t Captioner::parameter_count() const {
  size_t count = 0;
  for (const Parameter* p : parameters()) count += static_cast<size_t>(p->value.size());
  return count;
}

// h0 = tanh(mean_i(a_i) W_h + b_h), c0 likewise (Xu et al. §3.1.2).
void Captioner::initial_vars(Tape& tape, Var grid, Var* h, Var* c) const {
  Var mean = ops::mean(grid, 1);  // [B, D]
  *h = ops::tanh(ops::affine(mean, tape.param(init_h_w_), tape.param(init_h_b_)));
  *c = ops::tanh(ops::affine(mean, tape.param(init_c_w_), tape.param(init_c_b_)));
}

Captioner::StepOutput Captioner::decode_step(Tape& tape, Var grid, const std::vector<int>& previous, Var h,
                                             Var c) const {
  StepOutput out;
  Var word = ops::embedding(tape.param(embedding_), previous);  // [B, E]
  const ops::LstmWeights lstm{tape.param(lstm_w_input_), tape.param(lstm_w_hidden_), tape.param(lstm_bias_)};
  if (model_ == CaptionModel::show_tell) {
    const ops::LstmState next = ops::lstm_cell(word, {h, c}, lstm);
    out.h = next.h;
    out.c = next.c;
    out.logits = ops::affine(next.h, tape.param(out_w_), tape.param(out_b_));  // [B, V]
    return out;
  }
  const ops::AdditiveWeights weights{tape.param(att_query_), tape.param(att_key_), tape.param(att_v_)};
  const ops::Attention read = ops::additive_attention(h, grid, weights);  // context [B, D], alpha [B, L]
  out.alpha = read.weights;
  out.beta = ops::sigmoid(ops::affine(h, tape.param(beta_w_), tape.param(beta_b_)));  // [B, 1]
  Var context = ops::mul(out.beta, read.output);                                       // [B, D]
  const ops::LstmState next = ops::lstm_cell(ops::concat({word, context}, 1), {h, c}, lstm);
  out.h = next.h;
  out.c = next.c;
  Var deep = ops::add(ops::add(word, ops::matmul(next.h, tape.param(deep_h_))), ops::matmul(context, tape.param(deep_z_)));
  out.logits = ops::affine(deep, tape.param(out_w_), tape.param(out_b_));  // [B, V]
  return out;
}

CaptionContext Captioner::encode(const Tensor& image) const {
  CaptionContext context;
  if (image.empty() || image.shape() != Shape{1, 3, ImageEncoder::kImageSide, ImageEncoder::kImageSide})
    return context;
  Tape tape;
  NoGradScope no_grad(tape);
  Var grid = encoder_.encode(tape, tape.constant(image.clone()));
  if (grid.ok()) context.grid = grid.value().clone();
  return context;
}

std::vector<float> Captioner::initial_state(const CaptionContext& context) const {
  if (!context.ok()) return {};
  Tape tape;
  NoGradScope no_grad(tape);
  Var h, c;
  initial_vars(tape, tape.constant(context.grid), &h, &c);
  if (!h.ok() || !c.ok()) return {};
  std::vector<float> state = h.value().to_vector();
  const std::vector<float> cell = c.value().to_vector();
  state.insert(state.end(), cell.begin(), cell.end());
  return state;
}

DecoderStep Captioner::step(const CaptionContext& context, int previous_token, const std::vector<float>& state,
                            std::vector<float>* attention, float* beta) const {
  DecoderStep result;
  if (attention) attention->clear();
  if (beta) *beta = 1.0f;
  const int H = size_.hidden;
  if (!context.ok() || static_cast<int>(state.size()) != 2 * H || previous_token < 0 ||
      previous_token >= vocabulary_size())
    return result;
  Tape tape;
  NoGradScope no_grad(tape);
  Var h = tape.constant(Tensor::from(Shape{1, H}, std::vector<float>(state.begin(), state.begin() + H)));
  Var c = tape.constant(Tensor::from(Shape{1, H}, std::vector<float>(state.begin() + H, state.end())));
  const StepOutput out = decode_step(tape, tape.constant(context.grid), {previous_token}, h, c);
  Var log_probs = ops::log_softmax(out.logits);
  if (!log_probs.ok()) return result;
  result.log_probs = log_probs.value().to_vector();
  result.state = out.h.value().to_vector();
  const std::vector<float> cell = out.c.value().to_vector();
  result.state.insert(result.state.end(), cell.begin(), cell.end());
  if (attention && out.alpha.ok()) *attention = out.alpha.value().to_vector();
  if (beta && out.beta.ok()) *beta = out.beta.value().item();
  return result;
}

StepFunction Captioner::step_function(const CaptionContext& context) const {
  return [this, context](int previous_token, const std::vector<float>& state) {
    return step(context, previous_token, state);
  };
}

Var Captioner::loss(Tape& tape, const CaptionBatch& batch, CaptionLossParts* parts, std::vector<Var>* attention_steps) {
  const int count = static_cast<int>(batch.captions.size());
  const Shape& shape = batch.images.shape();
  if (count == 0 || batch.images.empty() || shape.rank != 4 || shape[0] != count)
    return tape.fail("captioner: a batch needs B images [B, 3, 64, 64] and B captions");
  size_t longest = 0;
  for (const std::vector<int>& caption : batch.captions) {
    if (caption.size() < 2 || caption.front() != kStart)
      return tape.fail("captioner: every caption starts with <start> and has at least one word or <end>");
    for (int id : caption)
      if (id < 0 || id >= vocabulary_size()) return tape.fail("captioner: a caption token lies outside the vocabulary");
    longest = std::max(longest, caption.size());
  }
  auto token = [&](int b, int t) {
    const std::vector<int>& caption = batch.captions[static_cast<size_t>(b)];
    return t < static_cast<int>(caption.size()) ? caption[static_cast<size_t>(t)] : kPad;
  };
  const int steps = static_cast<int>(longest) - 1;
  Var grid = encoder_.encode(tape, tape.constant(batch.images));
  Var h, c;
  initial_vars(tape, grid, &h, &c);
  std::vector<Var> logits;
  std::vector<int> rows, targets;  // the real target positions in the stacked logits [T * B, V]
  Var attention_sum;               // sum_t alpha_t over real steps, [B, L]
  for (int t = 0; t < steps; ++t) {
    std::vector<int> previous(static_cast<size_t>(count));
    Tensor real(Shape{count, 1});
    for (int b = 0; b < count; ++b) {
      previous[static_cast<size_t>(b)] = token(b, t);
      const int target = token(b, t + 1);
      if (target != kPad) {
        rows.push_back(t * count + b);
        targets.push_back(target);
        real[b] = 1.0f;
      }
    }
    const StepOutput out = decode_step(tape, grid, previous, h, c);
    h = out.h;
    c = out.c;
    logits.push_back(out.logits);
    if (out.alpha.ok()) {
      if (attention_steps) attention_steps->push_back(out.alpha);
      Var counted = ops::mul(out.alpha, tape.constant(real));
      attention_sum = attention_sum.ok() ? ops::add(attention_sum, counted) : counted;
    }
  }
  if (targets.empty()) return tape.fail("captioner: the batch has no target tokens");
  Var real_logits = ops::embedding(ops::concat(logits, 0), rows);  // row gather: padding never reaches the softmax
  Var cross_entropy = ops::cross_entropy(real_logits, targets);
  Var total = cross_entropy;
  Var penalty;
  if (model_ == CaptionModel::attention && attention_sum.ok()) {
    // lambda * (1/B) sum_b sum_i (1 - sum_t alpha_bti)^2
    Var gap = ops::add_scalar(ops::scale(attention_sum, -1.0f), 1.0f);
    penalty = ops::scale(ops::sum(ops::square(gap)), penalty_weight / static_cast<float>(count));
    total = ops::add(cross_entropy, penalty);
  }
  if (parts && total.ok()) {
    parts->cross_entropy = cross_entropy.value().item();
    parts->penalty = penalty.ok() ? penalty.value().item() : 0.0f;
    parts->tokens = static_cast<int>(targets.size());
  }
  return total;
}
