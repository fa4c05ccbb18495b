#include "demos/captioning/training_panel.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "demos/assets.h"
#include "demos/captioning/caption_models.h"
#include "demos/captioning/caption_train_job.h"
#include "demos/captioning/shown_message.h"
#include "demos/help_marker.h"
#include "demos/i18n/tr.h"
#include "demos/narrow_view.h"
#include "imgui.h"

namespace {

constexpr const char* kItemsAsset = "data/fashion-mnist.bin";
constexpr int kMessagesPerFrame = 4;  // without a worker each poll is one step: keep frames short

}  // namespace

void TrainingPanel::declare_state(StateFields& f) {
  f.choice("t_model", &model_, {"attention", "show_tell"}, 0);
  f.choice("t_from", &from_, {"scratch", "shipped"}, 1);
  f.integer("t_steps", &steps_, 200, 1, 5000);
  f.integer("t_batch", &batch_, 8, 1, 32);
  f.number("t_lr", &learning_rate_, 1e-3f, 1e-5f, 0.5f);
  f.number("t_lambda", &penalty_, 0.02f, 0, 10);
  f.integer("t_seed", &seed_, 1, 1, 999999);
  f.integer("t_every", &evaluate_every_, 20, 1, 1000);
  f.integer("t_scenes", &evaluate_scenes_, 20, 5, 200);
  f.boolean("t_run", &run_, false);
}

void TrainingPanel::begin() {
  task_.cancel();
  launched_ = true;
  waiting_for_assets_ = true;
  launched_model_ = model_;
  step_ = 0;
  total_ = steps_;
  losses_.clear();
  bleu_steps_.clear();
  bleu_values_.clear();
  error_.clear();
}

void TrainingPanel::launch() {
  const AssetStatus items = request_asset(kItemsAsset);
  const bool shipped = from_ == 1;
  const AssetStatus weights = shipped ? request_asset(CaptionModels::kWeightsAsset) : AssetStatus{};
  for (const AssetStatus* asset : {&items, shipped ? &weights : nullptr}) {
    if (asset == nullptr) continue;
    if (asset->state == AssetStatus::State::Failed) {
      error_ = asset->error.empty() ? translatable("could not load an asset the training needs") : asset->error;
      waiting_for_assets_ = false;
      return;
    }
    if (asset->state != AssetStatus::State::Ready || !asset->bytes) return;  // next frame
  }
  CaptionTrainInput input;
  input.model = model_ == CaptionModels::kAttention ? CaptionModel::attention : CaptionModel::show_tell;
  input.steps = steps_;
  input.batch = batch_;
  input.learning_rate = learning_rate_;
  input.penalty = penalty_;
  input.seed = static_cast<uint32_t>(seed_);
  input.evaluate_every = evaluate_every_;
  input.evaluate_scenes = evaluate_scenes_;
  input.items = *items.bytes;
  if (shipped) input.shipped_weights = *weights.bytes;
  task_.start("caption_train", encode_caption_train_input(input));
  waiting_for_assets_ = false;
  started_at_ = now_seconds();
}

void TrainingPanel::step() {
  if (run_ && !launched_) begin();
  if (!run_ && launched_) {
    task_.cancel();
    launched_ = waiting_for_assets_ = false;
  }
  if (waiting_for_assets_) launch();
  Bytes bytes;
  for (int i = 0; i < kMessagesPerFrame && task_.poll(&bytes); ++i) {
    CaptionTrainMessage message;
    std::string problem;
    if (!decode_caption_train_message(bytes, &message, &problem)) {
      error_ = problem;
      task_.cancel();
      return;
    }
    step_ = message.step;
    total_ = message.steps;
    if (message.step > 0) {
      losses_.add(message.cross_entropy);
      last_loss_ = message.cross_entropy;
    }
    if (message.bleu4 >= 0) {
      bleu_steps_.push_back(static_cast<float>(message.step));
      bleu_values_.push_back(message.bleu4);
    }
    if (!message.weights.empty()) {
      weights_ = std::move(message.weights);
      weights_model_ = launched_model_;
      ++weights_version_;
    }
    if (!message.error.empty()) error_ = message.error;
  }
  if (!task_.error().empty()) error_ = task_.error();
  if (launched_ && !waiting_for_assets_ && !task_.running()) launched_ = run_ = false;  // finished or failed
}

void TrainingPanel::draw(const std::string& caption) {
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", tr("Teacher forcing: each step feeds a batch of training scenes with one reference caption "
                               "each and takes one Adam step on the cross-entropy of the next word (plus lambda times "
                               "the doubly stochastic penalty for the attention model). Training runs off the page's "
                               "thread."));
  ImGui::PopTextWrapPos();
  const bool busy = running();
  ImGui::BeginDisabled(busy);
  ImGui::SetNextItemWidth(220);
  ImGui::Combo(tr_id("model##train"), &model_, "Show, Attend and Tell\0Show and Tell\0");
  same_line_if_fits(200, tr("start from"));
  ImGui::SetNextItemWidth(200);
  const char* const starts[] = {tr("scratch (seeded)"), tr("the shipped weights")};
  ImGui::Combo(tr_id("start from"), &from_, starts, IM_ARRAYSIZE(starts));
  ImGui::SetNextItemWidth(220);
  ImGui::SliderInt(tr_id("steps"), &steps_, 1, 5000, "%d", ImGuiSliderFlags_Logarithmic);
  same_line_if_fits(200, tr("batch"));
  ImGui::SetNextItemWidth(200);
  ImGui::SliderInt(tr_id("batch"), &batch_, 1, 32);
  ImGui::SetNextItemWidth(220);
  ImGui::SliderFloat(tr_id("learning rate"), &learning_rate_, 1e-5f, 0.5f, "%.2g", ImGuiSliderFlags_Logarithmic);
  help_marker("Adam (Kingma & Ba 2015), the gradient's global norm clipped at 5. The shipped models used 3e-3 with "
              "batch 32, decayed; going on from them wants a smaller rate. Far too large a rate diverges, and the "
              "training stops with a message.");
  if (model_ == CaptionModels::kAttention) {
    same_line_if_fits(200, "lambda");
    ImGui::SetNextItemWidth(200);
    ImGui::SliderFloat("lambda", &penalty_, 0, 10, "%.3g", ImGuiSliderFlags_Logarithmic);
    help_marker("Xu et al.'s doubly stochastic penalty lambda sum_i (1 - sum_t alpha_ti)^2 pushes every cell to be "
                "looked at about once over the caption. The shipped model used 0.02: with 64 cells, lambda = 1 "
                "outweighs the words.");
  }
  ImGui::SetNextItemWidth(220);
  ImGui::SliderInt(tr_id("seed##train"), &seed_, 1, 999999);
  same_line_if_fits(200, tr("BLEU every"));
  ImGui::SetNextItemWidth(200);
  ImGui::SliderInt(tr_id("BLEU every"), &evaluate_every_, 1, 1000, tr("%d steps"), ImGuiSliderFlags_Logarithmic);
  ImGui::EndDisabled();
  if (!busy) {
    if (ImGui::Button(tr_id("Start training"))) start();
  } else if (ImGui::Button(tr_id("Stop"))) {
    stop();
  }
  same_line_if_fits(ImGui::GetFrameHeight(), tr("caption with the model being trained"));
  ImGui::Checkbox(tr_id("caption with the model being trained"), &use_trained_);
  help_marker("The Caption tab (and its side-by-side scores) use the newest weights the training sent, every time "
              "BLEU is measured. Untick to go back to the shipped model.");

  if (total_ > 0) {
    char label[96];
    const double seconds = now_seconds() - started_at_;
    const double rate = seconds > 0 ? step_ / seconds : 0;  // on screen only, never tested
    if (rate > 0) std::snprintf(label, sizeof label, tr("step %d of %d, %.2g steps/s"), step_, total_, rate);
    else std::snprintf(label, sizeof label, tr("step %d of %d"), step_, total_);
    ImGui::ProgressBar(static_cast<float>(step_) / static_cast<float>(total_), ImVec2(-1, 0), label);
  } else if (waiting_for_assets_) {
    ImGui::ProgressBar(0, ImVec2(-1, 0), tr("loading what the training needs"));
  }
  if (!error_.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(1, 0.55f, 0.4f, 1), "%s", shown_message(error_).c_str());
    ImGui::PopTextWrapPos();
  }

  // PlotLines takes no negative width in this Dear ImGui: the width is given.
  const ImVec2 plot(ImGui::GetContentRegionAvail().x, std::max(90.0f, (ImGui::GetContentRegionAvail().y - 80) * 0.5f));
  char overlay[96];
  if (losses_.empty()) std::snprintf(overlay, sizeof overlay, "%s", tr("cross-entropy per word (nats)"));
  else std::snprintf(overlay, sizeof overlay, tr("cross-entropy %.3f nats"), static_cast<double>(last_loss_));
  ImGui::PlotLines("##loss", losses_.points().data(), static_cast<int>(losses_.size()), 0, overlay, 0, FLT_MAX, plot);
  if (bleu_values_.empty())
    std::snprintf(overlay, sizeof overlay, tr("BLEU-4 of %d test scenes, greedy"), evaluate_scenes_);
  else std::snprintf(overlay, sizeof overlay, "BLEU-4 %.3f", static_cast<double>(bleu_values_.back()));
  ImGui::PlotLines("##bleu", bleu_values_.data(), static_cast<int>(bleu_values_.size()), 0, overlay, 0, 1, plot);
  if (!bleu_steps_.empty())
    ImGui::TextDisabled(tr("BLEU measured at steps 0 .. %d, every %d"), static_cast<int>(bleu_steps_.back()),
                        evaluate_every_);
  ImGui::PushTextWrapPos(0);
  const bool trained = use_trained_ && weights_version_ > 0;
  ImGui::Text(trained ? tr("The Caption tab's scene, as the model being trained captions it now: %s")
                      : tr("The Caption tab's scene, as the shipped model captions it now: %s"),
              caption.c_str());
  ImGui::PopTextWrapPos();
}

void TrainingPanel::report(DemoReport& out) const {
  out.set_in("train", "step", step_);
  out.set_in("train", "steps", total_);
  out.set_in("train", "running", running() ? 1 : 0);
  if (!losses_.empty()) out.set_in("train", "loss", last_loss_);
  if (!bleu_values_.empty()) out.set_in("train", "bleu4", bleu_values_.back());
  out.set_in("train", "weights_version", weights_version_);
  out.set_text_in("train", "error", error_);
}
