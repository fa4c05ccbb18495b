#include "demos/captioning/caption_training.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "demos/captioning/captions.h"
#include "demos/captioning/vocabulary.h"
#include "engine/optim/clipping.h"

namespace {

constexpr int kMaxDecodedTokens = kMaxCaptionWords + 4;

Tokens words_of(const std::string& text) {
  Tokens words;
  std::istringstream stream(text);
  for (std::string word; stream >> word;) words.push_back(word);
  return words;
}

}  // namespace

std::vector<int> caption_tokens(const std::string& caption) {
  std::vector<int> tokens{kStart};
  const TokenisedText text = Vocabulary::captions().tokenise(caption);
  tokens.insert(tokens.end(), text.ids.begin(), text.ids.end());
  tokens.push_back(kEnd);
  return tokens;
}

CaptionBatch make_caption_batch(const SceneItems& items, SceneSplit split, const std::vector<uint64_t>& scene_seeds,
                                Pcg32& pick) {
  CaptionBatch batch;
  const int count = static_cast<int>(scene_seeds.size());
  constexpr int pixels = 3 * kSceneSize * kSceneSize;
  batch.images = Tensor(Shape{count, 3, kSceneSize, kSceneSize});
  for (int b = 0; b < count; ++b) {
    const Scene scene = generate_scene(items, split, scene_seeds[static_cast<size_t>(b)]);
    const Tensor image = render_scene(items, scene);
    std::copy(image.data(), image.data() + pixels, batch.images.data() + b * pixels);
    const std::vector<std::string> references = reference_captions(scene);
    const uint32_t choice = pick.below(static_cast<uint32_t>(references.size()));
    batch.captions.push_back(caption_tokens(references[choice]));
  }
  return batch;
}

CaptionTrainer::CaptionTrainer(Captioner& model, const SceneItems& items, CaptionTrainingSettings settings)
    : model_(model),
      items_(items),
      settings_(settings),
      optimizer_(model.parameters(), settings.learning_rate),
      scenes_(settings.seed, 0x7363656e6573ULL) {
  for (Parameter* p : model_.parameters())
    if (p->grad.empty()) p->grad = Tensor(p->value.shape());
}

CaptionStepReport CaptionTrainer::step() {
  CaptionStepReport report;
  std::vector<uint64_t> seeds(static_cast<size_t>(std::max(1, settings_.batch)));
  for (uint64_t& seed : seeds) {
    const uint64_t high = scenes_.next_u32();  // two statements: the draws' order is then fixed
    seed = (high << 32) | scenes_.next_u32();
  }
  const CaptionBatch batch = make_caption_batch(items_, SceneSplit::train, seeds, scenes_);
  tape_.clear();
  optimizer_.zero_grad();
  Var loss = model_.loss(tape_, batch, &report.parts);
  if (!loss.ok() || !tape_.backward(loss)) {
    error_ = tape_.error();
    report.loss = std::numeric_limits<float>::quiet_NaN();
    return report;
  }
  report.loss = loss.value().item();
  clip_grad_norm(model_.parameters(), settings_.max_gradient_norm);
  optimizer_.step();
  tape_.clear();
  return report;
}

DecodeResult decode_caption(const Captioner& model, const CaptionContext& context, CaptionDecoding decoding,
                            int beam_width) {
  DecodeOptions options;
  options.start_token = kStart;
  options.end_token = kEnd;
  options.max_length = kMaxDecodedTokens;
  options.beam_width = beam_width;
  const StepFunction step = model.step_function(context);
  const std::vector<float> start = model.initial_state(context);
  return decoding == CaptionDecoding::beam ? beam_search(step, start, options) : greedy_decode(step, start, options);
}

CaptionEvaluation evaluate_captions(const Captioner& model, const SceneItems& items, SceneSplit split,
                                    uint64_t first_seed, int count, CaptionDecoding decoding, int beam_width,
                                    int min_objects) {
  CaptionEvaluation evaluation;
  std::vector<Tokens> candidates;
  std::vector<std::vector<Tokens>> references;
  min_objects = std::min(min_objects, kMaxObjects);
  for (uint64_t seed = first_seed; evaluation.scenes < count; ++seed) {
    const Scene scene = generate_scene(items, split, seed);
    if (static_cast<int>(scene.objects.size()) < min_objects) continue;
    const DecodeResult decoded = decode_caption(model, model.encode(render_scene(items, scene)), decoding, beam_width);
    const std::string caption = Vocabulary::captions().detokenise(decoded.best.tokens);
    evaluation.captions.push_back(caption);
    candidates.push_back(words_of(caption));
    std::vector<Tokens> scene_references;
    for (const std::string& reference : reference_captions(scene)) scene_references.push_back(words_of(reference));
    references.push_back(std::move(scene_references));
    ++evaluation.scenes;
  }
  for (int n = 1; n <= 4; ++n) evaluation.bleu.push_back(corpus_bleu(candidates, references, n).score);
  return evaluation;
}

namespace {

// The share of cell l's 8 x 8 pixels inside the box.
double cell_coverage(int cell, const Box& box) {
  constexpr int side = kSceneSize / ImageEncoder::kGridSide;
  const int x0 = side * (cell % ImageEncoder::kGridSide), y0 = side * (cell / ImageEncoder::kGridSide);
  const int overlap_x = std::max(0, std::min(x0 + side, box.right()) - std::max(x0, box.x));
  const int overlap_y = std::max(0, std::min(y0 + side, box.bottom()) - std::max(y0, box.y));
  return static_cast<double>(overlap_x * overlap_y) / (side * side);
}

// The object of this class word ("bag" or "bags") if exactly one object has its class, else -1.
int named_object(const Scene& scene, const std::string& word) {
  int found = -1;
  for (int i = 0; i < static_cast<int>(scene.objects.size()); ++i) {
    const int item_class = scene.objects[static_cast<size_t>(i)].item_class;
    if (word != class_word(item_class) && word != class_plural(item_class)) continue;
    if (found >= 0) return -1;
    found = i;
  }
  return found;
}

}  // namespace

AttentionInBox measure_attention_in_box(const Captioner& model, const SceneItems& items, SceneSplit split,
                                        uint64_t first_seed, int scenes) {
  AttentionInBox result;
  if (model.model() != CaptionModel::attention) return result;
  int peaks_inside = 0;
  for (uint64_t seed = first_seed; seed < first_seed + static_cast<uint64_t>(std::max(0, scenes)); ++seed) {
    const Scene scene = generate_scene(items, split, seed);
    const CaptionContext context = model.encode(render_scene(items, scene));
    std::vector<float> state = model.initial_state(context);
    int token = kStart;
    for (int t = 0; t < kMaxDecodedTokens && token != kEnd; ++t) {
      std::vector<float> attention;
      const DecoderStep out = model.step(context, token, state, &attention);
      if (out.log_probs.empty()) break;
      token = static_cast<int>(std::max_element(out.log_probs.begin(), out.log_probs.end()) - out.log_probs.begin());
      state = out.state;
      const int object = named_object(scene, Vocabulary::captions().word(token));
      if (object < 0) continue;
      const Box& box = scene.objects[static_cast<size_t>(object)].box;
      double mass = 0;
      int touching = 0;
      for (int cell = 0; cell < ImageEncoder::kCells; ++cell) {
        const double coverage = cell_coverage(cell, box);
        mass += static_cast<double>(attention[static_cast<size_t>(cell)]) * coverage;
        touching += coverage > 0 ? 1 : 0;
      }
      const int peak = static_cast<int>(std::max_element(attention.begin(), attention.end()) - attention.begin());
      peaks_inside += cell_coverage(peak, box) > 0 ? 1 : 0;
      result.mean_mass += mass;
      result.mean_box_share += static_cast<double>(box.size * box.size) / (kSceneSize * kSceneSize);
      result.peak_chance += static_cast<double>(touching) / ImageEncoder::kCells;
      ++result.words;
    }
  }
  if (result.words > 0) {
    result.mean_mass /= result.words;
    result.mean_box_share /= result.words;
    result.peak_chance /= result.words;
    result.peak_inside = static_cast<double>(peaks_inside) / result.words;
  }
  return result;
}
