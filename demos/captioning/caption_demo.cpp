// The caption demo's state, its per-frame work and its status report.
#include "demos/captioning/caption_demo.h"

#include <cmath>
#include <cstdio>

#include "demos/assets.h"
#include "demos/captioning/captions.h"
#include "demos/captioning/scene_edits.h"
#include "demos/captioning/vocabulary.h"
#include "demos/user_files.h"

namespace {

constexpr const char* kItemsAsset = "data/fashion-mnist.bin";
const char* const kViewChoices[] = {"caption", "train", "retrieval", "vqa", "notes"};
const char* const kSplitChoices[] = {"test", "heldout"};
const char* const kModelChoices[] = {"attention", "show_tell"};
const char* const kMethodChoices[] = {"greedy", "beam", "sample"};
const char* const kNormalisationChoices[] = {"none", "per_word", "gnmt"};

Tokens words_of(const std::string& caption) {
  Tokens words;
  for (int id : Vocabulary::captions().tokenise(caption).ids) words.push_back(Vocabulary::captions().word(id));
  return words;
}

}  // namespace

CaptionDemo::CaptionDemo() = default;

const char* CaptionDemo::explanation() const {
  return translatable(
      "A captioner reads a picture with a small convolutional network and writes a sentence with an LSTM, one "
      "word at a time. Show and Tell (Vinyals et al. 2015) gives the LSTM one summary vector of the whole "
      "picture; Show, Attend and Tell (Xu et al. 2015) keeps an 8 x 8 grid of features and, before each word, "
      "computes where to look: a probability distribution over the 64 cells, shown under each word. Drag the "
      "objects and the caption follows; widen the beam to search among more sentences; BLEU counts how many of "
      "the caption's word sequences appear in the scene's reference captions.");
}

void CaptionDemo::declare_state(StateFields& f) {
  f.choice("view", &view_, {std::begin(kViewChoices), std::end(kViewChoices)}, 0);
  f.choice("split", &split_, {std::begin(kSplitChoices), std::end(kSplitChoices)}, 0);
  f.integer("seed", &seed_, 1, 1, 999999);
  f.text("objects", &objects_, "", 96, objects_text_valid);
  f.choice("model", &model_, {std::begin(kModelChoices), std::end(kModelChoices)}, 0);
  f.choice("decode", &method_, {std::begin(kMethodChoices), std::end(kMethodChoices)}, 1);
  f.integer("beam", &beam_width_, 3, 1, 10);
  f.choice("norm", &normalisation_, {std::begin(kNormalisationChoices), std::end(kNormalisationChoices)}, 0);
  f.number("T", &temperature_, 1, 0.01f, 100);
  f.integer("sample_seed", &sample_seed_, 1, 1, 999999);
  f.integer("word", &word_, -1, -1, kMaxCaptionWords);
  f.integer("score_scenes", &score_scenes_, 100, 10, 1000);
  f.choice("score_decode", &score_decode_, {"greedy", "as_set"}, 0);
  f.integer("beam_steps", &beam_steps_shown_, 0, 0, 64);
  retrieval_.declare_state(f);
  vqa_.declare_state(f);
  training_.declare_state(f);
}

void CaptionDemo::state_loaded() {
  scene_key_.clear();
  caption_key_.clear();
  edit_message_.clear();
}

void CaptionDemo::load_items() {
  if (items_ready_ || !items_error_.empty()) return;
  AssetStatus asset = request_asset(kItemsAsset);
  items_progress_ = asset.progress;
  if (asset.state == AssetStatus::State::Failed) {
    items_error_ = asset.error.empty() ? std::string("could not load ") + kItemsAsset : asset.error;
  } else if (asset.state == AssetStatus::State::Ready && asset.bytes) {
    if (const std::string error = items_.load_bytes(*asset.bytes); !error.empty())
      items_error_ = std::string(kItemsAsset) + ": " + error;
    items_ready_ = items_error_.empty();
  }
}

// The scene follows the URL: the seed's scene of the split, or the edited objects.
void CaptionDemo::sync_scene() {
  if (picture_shown_) {
    const std::string key = "picture|" + std::to_string(pictures_opened_);
    if (key == scene_key_) return;
    scene_key_ = key;
    scene_image_ = picture_.image;
    set_rgb_image_from_planes(scene_picture_, scene_image_.data(), kSceneSize, kSceneSize);
    ++scene_picture_.version;
    references_.clear();  // nobody wrote captions for it: no BLEU
    dragging_ = -1;
    return;
  }
  const std::string key = std::to_string(split_) + '|' + std::to_string(seed_) + '|' + objects_;
  if (key == scene_key_) return;
  const SceneSplit split = score_split(split_);
  std::string error;
  if (objects_.empty() || !parse_objects_text(items_, split, objects_, &scene_, &error)) {
    if (!error.empty()) edit_message_ = error + ": showing scene " + std::to_string(seed_) + " instead";
    scene_ = generate_scene(items_, split, static_cast<uint64_t>(seed_));
    objects_.clear();
  }
  scene_key_ = std::to_string(split_) + '|' + std::to_string(seed_) + '|' + objects_;
  scene_image_ = render_scene(items_, scene_);
  set_rgb_image_from_planes(scene_picture_, scene_image_.data(), kSceneSize, kSceneSize);
  ++scene_picture_.version;
  references_ = reference_captions(scene_);
  if (selected_object_ >= static_cast<int>(scene_.objects.size())) selected_object_ = 0;
}

void CaptionDemo::scene_edited() {
  objects_ = objects_text(scene_);
  sync_scene();
}

DecodeSettings CaptionDemo::decode_settings() const {
  DecodeSettings s;
  s.method = static_cast<DecodeMethod>(method_);
  s.beam_width = beam_width_;
  s.normalisation = static_cast<LengthNormalisation>(normalisation_);
  s.temperature = temperature_;
  s.seed = static_cast<uint64_t>(sample_seed_);
  return s;
}

CaptionSource CaptionDemo::source_for(int model, const Scene& scene) const {
  return models_.source(model, render_scene(items_, scene));
}

void CaptionDemo::sync_caption() {
  // While an object is dragged, a wide beam would cost a frame per pixel moved:
  // the caption follows greedily, and the chosen search runs on the drop.
  preview_ = dragging_ >= 0 && method_ == static_cast<int>(DecodeMethod::beam) && beam_width_ > 1;
  char key[160];
  std::snprintf(key, sizeof key, "%s|%d|%d|%d|%d|%.6g|%d|%u|%d", scene_key_.c_str(), model_, method_, beam_width_,
                normalisation_, static_cast<double>(temperature_), sample_seed_, models_.version(), preview_ ? 1 : 0);
  if (key == caption_key_) return;
  caption_key_ = key;
  const double started = now_seconds();
  DecodeSettings settings = decode_settings();
  if (preview_) settings.method = DecodeMethod::greedy;
  caption_ = decode_caption(models_.source(model_, scene_image_), settings);
  caption_ms_ = (now_seconds() - started) * 1000;

  std::vector<Tokens> references;
  for (const std::string& reference : references_) references.push_back(words_of(reference));
  for (int n = 1; n <= 4; ++n) bleu_[n - 1] = sentence_bleu(caption_.words, references, n, BleuSmoothing::chen_cherry_1);

  // One thumbnail per word: the scene dimmed, its attended cells lit (nearest: the 8 x 8 cells as they are).
  word_maps_.assign(caption_.attention.size(), RgbImage{});
  const std::vector<float> planes = scene_image_.to_vector();
  for (size_t w = 0; w < caption_.attention.size(); ++w) {
    const std::vector<float>& a = caption_.attention[w];
    float peak = 1e-12f;
    for (float v : a) peak = std::max(peak, v);
    std::vector<float> lit(planes.size());
    const int cell = kSceneSize / 8, area = kSceneSize * kSceneSize;
    for (int y = 0; y < kSceneSize; ++y)
      for (int x = 0; x < kSceneSize; ++x) {
        const float weight = a[static_cast<size_t>((y / cell) * 8 + x / cell)] / peak;
        for (int c = 0; c < 3; ++c) {
          const size_t i = static_cast<size_t>(c * area + y * kSceneSize + x);
          lit[i] = planes[i] * (0.2f + 0.8f * weight) + 0.18f * weight * (c == 2 ? 0.3f : 1.0f);
        }
      }
    set_rgb_image_from_planes(word_maps_[w], lit.data(), kSceneSize, kSceneSize);
    word_maps_[w].version = ++word_maps_version_;  // every decode refreshes the textures: the scene may have changed
  }
}

void CaptionDemo::sync_scores() {
  DecodeSettings s = decode_settings();
  if (score_decode_ == 0) s = DecodeSettings{DecodeMethod::greedy};
  char key[112];
  std::snprintf(key, sizeof key, "%d|%d|%d|%d|%d|%.6g|%d|%u", score_scenes_, score_decode_, static_cast<int>(s.method),
                s.beam_width, static_cast<int>(s.normalisation), s.temperature, static_cast<int>(s.seed),
                models_.version());
  if (key != scores_key_) {
    scores_key_ = key;
    scores_.restart(score_scenes_, s);
  }
}

std::string CaptionDemo::caption_text() const {
  std::string text;  // the words as shown, special tokens an untrained model may emit included
  for (const std::string& word : caption_.words) {
    if (!text.empty()) text += ' ';
    text += word;
  }
  return text;
}

int CaptionDemo::shown_word() const {
  const int n = static_cast<int>(caption_.words.size());
  if (hovered_word_ >= 0 && hovered_word_ < n) return hovered_word_;
  return word_ >= 0 && word_ < n ? word_ : -1;
}

// The Train tab's newest weights caption the scene (and are scored) while its toggle is on.
void CaptionDemo::sync_training() {
  training_.step();
  if (training_.weights_version() != trained_version_) {
    trained_version_ = training_.weights_version();
    if (const std::string why = models_.set_trained(training_.weights_model(), training_.weights()); !why.empty())
      edit_message_ = why;
  }
  models_.use_trained(training_.use_trained());
}

void CaptionDemo::take_user_files() {
  std::string name, text;
  std::vector<uint8_t> bytes;
  while (take_user_file(&name, &bytes)) open_picture(name, bytes);
  while (take_user_files_message(&text)) picture_message_ = text;
}

std::string CaptionDemo::open_picture(const std::string& name, const std::vector<uint8_t>& bytes) {
  UserPicture picture;
  std::string error;
  if (!make_user_picture(name, bytes.data(), bytes.size(), &picture, &error)) {
    picture_message_ = error + "; " +
                       (picture_shown_ ? translatable("your previous picture is still shown")
                                       : translatable("the scene is unchanged"));
    return error;
  }
  picture_ = std::move(picture);
  picture_shown_ = true;
  ++pictures_opened_;
  picture_message_ = picture_.note;
  view_ = static_cast<int>(View::Caption);
  word_ = -1;
  return "";
}

void CaptionDemo::back_to_scene() {
  picture_shown_ = false;
  picture_message_.clear();
  word_ = -1;
}

void CaptionDemo::step(const StepBudget& budget) {
  take_user_files();
  // The tabs load their models only once shown, and never past the budget.
  retrieval_.step(budget, static_cast<View>(view_) == View::Retrieval);
  vqa_.step(budget, static_cast<View>(view_) == View::Vqa);
  load_items();
  models_.poll();
  sync_training();
  if (!items_ready_) return;
  sync_scene();
  sync_caption();
  sync_scores();
  // The side-by-side scores are drawn on the Caption tab only: they decode there, never behind another tab.
  if (static_cast<View>(view_) != View::Caption) return;
  const SceneCaptioner captioner = [this](int model, const Scene& scene) { return source_for(model, scene); };
  scores_.step(items_, captioner, budget);
}

// --- Editing ----------------------------------------------------------------

std::string CaptionDemo::drop_object(int index, int x, int y) {
  if (!items_ready_) return translatable("the scene is not loaded yet");
  if (picture_shown_) return translatable("your picture is shown: go back to the scene to edit it");
  std::string why = move_object(scene_, index, x, y);
  if (why.empty()) scene_edited();
  edit_message_ = why;
  return why;
}

std::string CaptionDemo::add_object() {
  if (!items_ready_) return translatable("the scene is not loaded yet");
  if (picture_shown_) return translatable("your picture is shown: go back to the scene to edit it");
  const int n = static_cast<int>(scene_.objects.size());
  // A class and colour not yet in the scene, so the new object is easy to find.
  std::string why = ::add_object(items_, scene_, (3 * n + seed_) % kClassCount, (n + 2) % kColourCount, seed_ + n);
  if (why.empty()) {
    selected_object_ = static_cast<int>(scene_.objects.size()) - 1;
    scene_edited();
  }
  edit_message_ = why;
  return why;
}

std::string CaptionDemo::remove_object(int index) {
  if (!items_ready_) return translatable("the scene is not loaded yet");
  if (picture_shown_) return translatable("your picture is shown: go back to the scene to edit it");
  std::string why = ::remove_object(scene_, index);
  if (why.empty()) scene_edited();
  edit_message_ = why;
  return why;
}

void CaptionDemo::set_object_class(int index, int item_class) {
  if (!items_ready_ || picture_shown_ || index < 0 || index >= static_cast<int>(scene_.objects.size())) return;
  ::set_object_class(items_, scene_, index, item_class, seed_ + index);
  scene_edited();
}

void CaptionDemo::set_object_colour(int index, int colour) {
  if (!items_ready_ || picture_shown_ || index < 0 || index >= static_cast<int>(scene_.objects.size())) return;
  scene_.objects[static_cast<size_t>(index)].colour = colour;
  scene_edited();
}

void CaptionDemo::new_random_scene() {
  back_to_scene();
  seed_ = seed_ % 999999 + 1;
  objects_.clear();
  edit_message_.clear();
  word_ = -1;
}

// --- Status -------------------------------------------------------------------

void CaptionDemo::report(DemoReport& out) const {
  retrieval_.report(out);
  vqa_.report(out);
  training_.report(out);
  out.set_in("caption", "trained_model", models_.using_trained(model_) ? 1 : 0);
  out.set_in("caption", "ready", items_ready_ && caption_.error.empty() && !caption_key_.empty() ? 1 : 0);
  out.set_in("caption", "log_prob", caption_.log_prob);
  out.set_in("caption", "beam_width", beam_width_);
  out.set_in("caption", "words", static_cast<double>(caption_.words.size()));
  out.set_in("caption", "objects", picture_shown_ ? 0.0 : static_cast<double>(scene_.objects.size()));
  out.set_in("caption", "picture", picture_shown_ ? 1 : 0);
  out.set_text_in("caption", "picture_message", picture_message_);
  out.set_in("caption", "shown_word", shown_word());
  out.set_in("caption", "beam_steps", static_cast<double>(caption_.steps.size()));
  out.set_in("caption", "weights", static_cast<double>(models_.weights()));
  out.set_in("caption", "decode_ms", caption_ms_);
  out.set_in("caption", "bleu4", bleu_[3].score);
  out.set_in("caption", "scored_scenes", scores_.scored(CaptionModels::kShowTell, 1));
  const double attention = scores_.bleu4(CaptionModels::kAttention, 0);
  const double show_tell = scores_.bleu4(CaptionModels::kShowTell, 0);
  const double heldout = scores_.bleu4(CaptionModels::kAttention, 1);
  if (std::isfinite(attention)) out.set_in("caption", "bleu4_attention", attention);
  if (std::isfinite(show_tell)) out.set_in("caption", "bleu4_show_tell", show_tell);
  if (std::isfinite(heldout)) out.set_in("caption", "bleu4_heldout", heldout);
  const double heldout_show_tell = scores_.bleu4(CaptionModels::kShowTell, 1);
  if (std::isfinite(heldout_show_tell)) out.set_in("caption", "bleu4_heldout_show_tell", heldout_show_tell);
  out.set_text_in("caption", "text", caption_text());
  out.set_text_in("caption", "error", !items_error_.empty() ? items_error_ : caption_.error);
  out.set_text_in("caption", "message", edit_message_);
  out.set_text_in("caption", "weights_message", models_.message());
  std::vector<std::vector<double>> attention_rows;
  for (const std::vector<float>& weights : caption_.attention)
    attention_rows.emplace_back(weights.begin(), weights.end());
  out.set_rows_in("caption", "attention", attention_rows);
  out.set_rows_in("caption", "word_centres", word_centres_);
  out.set_list_in("caption", "scene_rect", scene_rect_);
  std::vector<std::vector<double>> boxes;
  if (!picture_shown_)
    for (const SceneObject& o : scene_.objects) boxes.push_back({static_cast<double>(o.box.x), static_cast<double>(o.box.y)});
  out.set_rows_in("caption", "boxes", boxes);
}
