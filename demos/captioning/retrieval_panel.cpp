#include "demos/captioning/retrieval_panel.h"

#include <algorithm>
#include <cstdio>

#include "demos/captioning/captions.h"
#include "demos/captioning/shown_message.h"
#include "demos/captioning/vocabulary.h"
#include "demos/i18n/tr.h"
#include "demos/narrow_view.h"
#include "imgui.h"

namespace {

constexpr int kThumbnailSlot = 91000;  // + scene index: the tab's texture slots

bool query_valid(const std::string& text) {
  return text.size() <= RetrievalPanel::kMaxQueryLength &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= ' ' && c <= '~'; });
}

float dot(const float* a, const float* b, int size) {
  double sum = 0;
  for (int i = 0; i < size; ++i) sum += static_cast<double>(a[i]) * b[i];
  return static_cast<float>(sum);
}

}  // namespace

void RetrievalPanel::declare_state(StateFields& fields) {
  fields.text("r_query", &query_, "a red bag left of a blue shirt", kMaxQueryLength, query_valid);
  fields.integer("r_scene", &scene_, 0, 0, JointVqaLoader::kTestScenes - 1);
}

void RetrievalPanel::step(const StepBudget& budget, bool active) {
  if (!active) return;
  loader_.step(budget);
  if (!loader_.evaluated()) return;
  if (!searched_ || query_ != searched_query_) search_scenes();
  if (!searched_ || scene_ != searched_scene_) search_captions();
  searched_ = true;
}

// The typed caption's vector against every test scene's: the five best, best first (ties: lower index).
void RetrievalPanel::search_scenes() {
  searched_query_ = query_;
  scene_hits_.clear();
  const TokenisedText words = Vocabulary::captions().tokenise(query_);
  query_notice_ = words.notice;
  if (words.ids.empty()) return;
  Tape tape;
  tape.training = false;
  NoGradScope no_grad(tape);
  Var caption = loader_.models().joint.caption_vectors(tape, {words.ids});
  if (tape.failed()) {
    query_notice_ = tape.error();
    return;
  }
  const std::vector<float>& images = loader_.evaluation()->image_vectors();
  constexpr int e = JointEmbedding::kEmbeddingSize;
  const int scenes = static_cast<int>(images.size()) / e;
  std::vector<SceneHit> all;
  for (int s = 0; s < scenes; ++s)
    all.push_back({s, dot(caption.value().data(), images.data() + static_cast<size_t>(s) * e, e)});
  std::stable_sort(all.begin(), all.end(), [](const SceneHit& a, const SceneHit& b) { return a.score > b.score; });
  all.resize(std::min<size_t>(all.size(), kTopK));
  scene_hits_ = all;
}

// The picked scene's vector against the test scenes' canonical captions (distinct texts).
void RetrievalPanel::search_captions() {
  searched_scene_ = scene_;
  caption_hits_.clear();
  const JointEvaluation& evaluation = *loader_.evaluation();
  constexpr int e = JointEmbedding::kEmbeddingSize;
  const int scenes = evaluation.scene_count();
  const int picked = std::clamp(scene_, 0, scenes - 1);
  const Scene scene = generate_scene(loader_.items(), SceneSplit::test, static_cast<uint64_t>(picked));
  const std::vector<std::string> references = reference_captions(scene);
  const float* image = evaluation.image_vectors().data() + static_cast<size_t>(picked) * e;
  std::vector<CaptionHit> all;
  for (int s = 0; s < scenes; ++s) {
    const std::string text = reference_captions(generate_scene(loader_.items(), SceneSplit::test, static_cast<uint64_t>(s)))[0];
    bool seen = false;
    for (const CaptionHit& hit : all) seen = seen || hit.caption == text;
    if (seen) continue;
    const bool true_of_scene = std::find(references.begin(), references.end(), text) != references.end();
    all.push_back({text, dot(image, evaluation.caption_vectors().data() + static_cast<size_t>(s) * e, e), true_of_scene});
  }
  std::stable_sort(all.begin(), all.end(), [](const CaptionHit& a, const CaptionHit& b) { return a.score > b.score; });
  all.resize(std::min<size_t>(all.size(), kTopK));
  caption_hits_ = all;
}

const RgbImage& RetrievalPanel::thumbnail(int scene) {
  if (thumbnails_.size() < static_cast<size_t>(JointVqaLoader::kTestScenes))
    thumbnails_.resize(static_cast<size_t>(JointVqaLoader::kTestScenes));
  RgbImage& image = thumbnails_[static_cast<size_t>(scene)];
  if (image.width == 0) {
    const Tensor pixels = render_scene(loader_.items(), generate_scene(loader_.items(), SceneSplit::test, static_cast<uint64_t>(scene)));
    set_rgb_image_from_planes(image, pixels.data(), kSceneSize, kSceneSize);
    ++image.version;
  }
  return image;
}

void RetrievalPanel::draw() {
  if (!loader_.evaluated()) {
    ImGui::TextWrapped("%s", loader_.status().c_str());
    if (loader_.error().empty()) ImGui::ProgressBar(loader_.progress(), ImVec2(-1, 0));
    return;
  }
  ImGui::TextWrapped("%s", tr("A joint embedding: the scene (CNN grid, mean-pooled) and the caption (a GRU) become "
                              "unit vectors; training pulls matching pairs together with a contrastive (InfoNCE) "
                              "loss."));
  if (buffer_shows_ != query_) {
    std::snprintf(query_buffer_, sizeof query_buffer_, "%s", query_.c_str());
    buffer_shows_ = query_;
  }
  if (ImGui::InputText(tr_id("caption"), query_buffer_, sizeof query_buffer_)) {
    const std::string typed(query_buffer_);
    if (query_valid(typed)) query_ = buffer_shows_ = typed;
  }
  if (!query_notice_.empty())
    ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.3f, 1.0f), "%s", shown_message(query_notice_).c_str());
  const float side = 96.0f;
  for (size_t i = 0; i < scene_hits_.size(); ++i) {
    if (i > 0) same_line_if_fits(side);  // the hits wrap into rows on a phone
    ImGui::BeginGroup();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    draw_rgb_image(at, ImVec2(at.x + side, at.y + side), thumbnail(scene_hits_[i].scene),
                   kThumbnailSlot + scene_hits_[i].scene, true);
    ImGui::Dummy(ImVec2(side, side));
    ImGui::Text("#%d  %.3f", scene_hits_[i].scene, static_cast<double>(scene_hits_[i].score));
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton(tr_id("pick"))) scene_ = scene_hits_[i].scene;
    ImGui::PopID();
    ImGui::EndGroup();
  }
  ImGui::Separator();
  ImGui::SliderInt(tr_id("test scene"), &scene_, 0, JointVqaLoader::kTestScenes - 1);
  const int picked = std::clamp(scene_, 0, JointVqaLoader::kTestScenes - 1);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  draw_rgb_image(at, ImVec2(at.x + side, at.y + side), thumbnail(picked), kThumbnailSlot + picked, true);
  ImGui::Dummy(ImVec2(side, side));
  // The captions go beside the scene when there is room, under it on a phone;
  // either way they wrap at the window's edge.
  constexpr float kCaptionsMinWidth = 240;
  if (ImGui::GetContentRegionAvail().x - side - ImGui::GetStyle().ItemSpacing.x >= kCaptionsMinWidth) ImGui::SameLine();
  ImGui::BeginGroup();
  ImGui::TextWrapped("%s", tr("nearest captions (cosine), * = true of this scene:"));
  for (const CaptionHit& hit : caption_hits_)
    ImGui::TextWrapped("%.3f %s %s", static_cast<double>(hit.score), hit.true_of_scene ? "*" : " ", hit.caption.c_str());
  ImGui::EndGroup();
  const JointEvaluation& evaluation = *loader_.evaluation();
  const RecallAtK recall = evaluation.recall();
  ImGui::TextWrapped(tr("caption -> scene on %d test scenes: Recall@1 %.2f, Recall@5 %.2f (chance %.2f and %.2f)"),
              recall.queries, recall.at_1, recall.at_5, 1.0 / recall.queries, 5.0 / recall.queries);
}

void RetrievalPanel::report(DemoReport& out) const {
  if (!loader_.evaluated()) return;
  const RecallAtK recall = loader_.evaluation()->recall();
  out.set("retrieval.recall_at_1", recall.at_1);
  out.set("retrieval.recall_at_5", recall.at_5);
  out.set("retrieval.hits", static_cast<double>(scene_hits_.size()));
}
