#include "demos/captioning/caption_train_job.h"

#include <cmath>
#include <limits>

#include "demos/captioning/caption_training.h"
#include "demos/captioning/caption_weights.h"
#include "demos/captioning/scene.h"
#include "engine/io/tensor_bytes.h"

namespace {

constexpr uint32_t kVersion = 1;
constexpr int kMaxSteps = 100000;
constexpr int kMaxBatch = 64;
constexpr int kMaxEvaluationScenes = 200;
constexpr size_t kMaxBlobBytes = size_t{64} << 20;

void put_magic(Bytes& out, const char* magic) {
  for (int i = 0; i < 4; ++i) put_u8(out, static_cast<uint8_t>(magic[i]));
}

bool read_magic(ByteReader& in, const char* magic, std::string* error) {
  const uint8_t* p = in.take(4, "magic");
  if (!p || std::string(reinterpret_cast<const char*>(p), 4) != magic) {
    *error = std::string("caption_train: not a ") + magic + " record";
    return false;
  }
  return true;
}

bool read_int(ByteReader& in, int& v, int lo, int hi, const std::string& what, std::string* error) {
  return read_int_in_range(in, v, lo, hi, what, "caption_train", error);
}

// Fills *error from the reader when a read failed without saying why.
bool failed(const ByteReader& in, std::string* error) {
  if (error->empty()) *error = "caption_train: " + in.error;
  return false;
}

}  // namespace

Bytes encode_caption_train_input(const CaptionTrainInput& input) {
  Bytes out;
  put_magic(out, "DLCT");
  put_u32(out, kVersion);
  put_u32(out, input.model == CaptionModel::attention ? 1u : 0u);
  put_u32(out, static_cast<uint32_t>(input.steps));
  put_u32(out, static_cast<uint32_t>(input.batch));
  put_f32(out, input.learning_rate);
  put_f32(out, input.penalty);
  put_u32(out, input.seed);
  put_u32(out, static_cast<uint32_t>(input.evaluate_every));
  put_u32(out, static_cast<uint32_t>(input.evaluate_scenes));
  put_blob(out, input.items.data(), input.items.size());
  put_blob(out, input.shipped_weights.data(), input.shipped_weights.size());
  return out;
}

bool decode_caption_train_input(const Bytes& bytes, CaptionTrainInput* input, std::string* error) {
  error->clear();
  ByteReader in(bytes.data(), bytes.size(), "caption_train input");
  CaptionTrainInput r;
  int version = 0, model = 0;
  if (!read_magic(in, "DLCT", error)) return false;
  if (!read_int(in, version, 1, 1, "version", error) || !read_int(in, model, 0, 1, "model", error) ||
      !read_int(in, r.steps, 1, kMaxSteps, "steps", error) || !read_int(in, r.batch, 1, kMaxBatch, "batch", error) ||
      !read_f32(in, r.learning_rate, "learning rate") || !read_f32(in, r.penalty, "penalty") ||
      !in.u32(r.seed, "seed") || !read_int(in, r.evaluate_every, 1, kMaxSteps, "evaluate_every", error) ||
      !read_int(in, r.evaluate_scenes, 1, kMaxEvaluationScenes, "evaluate_scenes", error) ||
      !read_blob(in, r.items, "items", kMaxBlobBytes) || !read_blob(in, r.shipped_weights, "weights", kMaxBlobBytes))
    return failed(in, error);
  if (!(r.learning_rate > 0 && r.learning_rate < 1) || !(r.penalty >= 0 && r.penalty <= 100)) {
    *error = "caption_train: the learning rate must be in (0, 1) and the penalty in [0, 100]";
    return false;
  }
  r.model = model == 1 ? CaptionModel::attention : CaptionModel::show_tell;
  *input = std::move(r);
  return true;
}

Bytes encode_caption_train_message(const CaptionTrainMessage& m) {
  Bytes out;
  put_magic(out, "DLCM");
  put_u32(out, static_cast<uint32_t>(m.step));
  put_u32(out, static_cast<uint32_t>(m.steps));
  put_f32(out, m.loss);
  put_f32(out, m.cross_entropy);
  put_f32(out, m.penalty);
  put_f32(out, m.bleu4);
  put_blob(out, m.weights.data(), m.weights.size());
  put_string(out, m.error);
  return out;
}

bool decode_caption_train_message(const Bytes& bytes, CaptionTrainMessage* message, std::string* error) {
  error->clear();
  ByteReader in(bytes.data(), bytes.size(), "caption_train message");
  CaptionTrainMessage m;
  if (!read_magic(in, "DLCM", error)) return false;
  if (!read_int(in, m.step, 0, kMaxSteps, "step", error) || !read_int(in, m.steps, 1, kMaxSteps, "steps", error) ||
      !read_f32(in, m.loss, "loss") || !read_f32(in, m.cross_entropy, "cross-entropy") ||
      !read_f32(in, m.penalty, "penalty") || !read_f32(in, m.bleu4, "BLEU-4") ||
      !read_blob(in, m.weights, "weights", kMaxBlobBytes) || !read_string(in, m.error, "error", 4096))
    return failed(in, error);
  *message = std::move(m);
  return true;
}

struct CaptionTrainJob::State {
  CaptionTrainInput input;
  SceneItems items;
  std::unique_ptr<Captioner> model;
  std::unique_ptr<CaptionTrainer> trainer;
  bool scored_start = false;

  // The sample's BLEU-4 and the weights, for a message.
  void evaluate(CaptionTrainMessage& m) const {
    const CaptionEvaluation e = evaluate_captions(*model, items, SceneSplit::test, 1,
                                                  input.evaluate_scenes, CaptionDecoding::greedy);
    m.bleu4 = static_cast<float>(e.bleu[3]);
    m.weights = save_captioner(*model);
  }
};

CaptionTrainJob::CaptionTrainJob() = default;
CaptionTrainJob::~CaptionTrainJob() = default;

std::unique_ptr<BackgroundJob> CaptionTrainJob::make() { return std::make_unique<CaptionTrainJob>(); }

bool CaptionTrainJob::start(const Bytes& bytes, std::string* error) {
  auto s = std::make_unique<State>();
  if (!decode_caption_train_input(bytes, &s->input, error)) return false;
  if (const std::string why = s->items.load_bytes(s->input.items); !why.empty()) {
    *error = "caption_train: " + why;
    return false;
  }
  const CaptionTrainInput& in = s->input;
  s->model = std::make_unique<Captioner>(in.model, in.shipped_weights.empty() ? in.seed : kCaptionerSeed);
  if (!in.shipped_weights.empty()) {
    // The shipped file holds both models, loaded all or nothing (caption_weights.h).
    Captioner show_tell(CaptionModel::show_tell, kCaptionerSeed), attention(CaptionModel::attention, kCaptionerSeed);
    const LoadResult loaded = load_captioners(in.shipped_weights.data(), in.shipped_weights.size(), show_tell, attention);
    if (!loaded.ok) {
      *error = "caption_train: " + loaded.error;
      return false;
    }
    *s->model = std::move(in.model == CaptionModel::attention ? attention : show_tell);
  }
  s->model->penalty_weight = in.penalty;
  CaptionTrainingSettings settings;
  settings.batch = in.batch;
  settings.learning_rate = in.learning_rate;
  settings.seed = in.seed;
  s->trainer = std::make_unique<CaptionTrainer>(*s->model, s->items, settings);
  state_ = std::move(s);
  return true;
}

bool CaptionTrainJob::step(Bytes* out) {
  out->clear();
  if (!state_) return false;
  State& s = *state_;
  CaptionTrainMessage m;
  m.steps = s.input.steps;
  if (!s.scored_start) {  // where the curve starts: the model before any update
    s.scored_start = true;
    m.loss = m.cross_entropy = m.penalty = std::numeric_limits<float>::quiet_NaN();
    s.evaluate(m);
    *out = encode_caption_train_message(m);
    return true;
  }
  const CaptionStepReport report = s.trainer->step();
  m.step = s.trainer->steps();
  m.loss = report.loss;
  m.cross_entropy = report.parts.cross_entropy;
  m.penalty = report.parts.penalty;
  const bool diverged = !std::isfinite(report.loss);
  if (diverged) {
    m.error = s.trainer->error().empty()
                  ? "the loss is not finite at step " + std::to_string(m.step) + ": try a smaller learning rate"
                  : s.trainer->error();
  } else if (m.step % s.input.evaluate_every == 0 || m.step == m.steps) {
    s.evaluate(m);
  }
  *out = encode_caption_train_message(m);
  return !diverged && m.step < m.steps;
}
