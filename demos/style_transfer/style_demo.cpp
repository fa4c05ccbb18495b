// The style demo's state, its per-frame work and its status report.
#include "demos/style_transfer/style_demo.h"

#include <algorithm>
#include <cstdio>

#include "demos/i18n/tr.h"
#include "demos/style_transfer/image_catalog.h"
#include "demos/user_files.h"
#include "demos/view_tabs.h"

namespace {

const char* const kViewChoices[] = {"optimise", "fast", "inside", "notes"};
const char* const kNetworkChoices[] = {"random", "trained"};  // random: chosen by measurement (docs/style-transfer.md)
const char* const kInitChoices[] = {"content", "noise", "blurred"};
const char* const kOptimizerChoices[] = {"lbfgs", "adam"};
const char* const kColourChoices[] = {"style", "luminance", "histogram"};
const char* const kStyleLayers[4] = {"relu1_1", "relu2_1", "relu3_1", "relu4_1"};
const char* const kLossNetworkAsset = "data/style-loss-net.dlpw";

bool valid_image_id(const std::string& id) { return find_catalog_image(id) != nullptr; }

}  // namespace

const char* StyleDemo::explanation() const {
  return translatable("Neural style transfer paints one picture in the manner of another. A fixed network (the loss "
                      "network) describes pictures by its feature maps: their values say what is where (content), and "
                      "the inner products of its channels, the Gram matrices, say which features occur together "
                      "anywhere (style). Optimise changes the output's pixels until its features match the content "
                      "photo and its Gram matrices match the style (Gatys et al. 2016); Fast runs a network trained "
                      "to do that in one pass (Johnson et al. 2016); Inside shows the feature maps and Gram matrices "
                      "themselves.");
}

void StyleDemo::declare_state(StateFields& f) {
  f.choice("view", &view_, {std::begin(kViewChoices), std::end(kViewChoices)}, 0);
  f.text("content", &content_id_, "chelsea", 40, valid_image_id);
  f.text("style", &style_id_, "starry_night", 40, valid_image_id);
  f.integer("size", &size_, 192, 64, 512);
  f.choice("net", &network_, {std::begin(kNetworkChoices), std::end(kNetworkChoices)}, 0);
  f.choice("init", &init_, {std::begin(kInitChoices), std::end(kInitChoices)}, 0);
  f.choice("opt", &optimizer_, {std::begin(kOptimizerChoices), std::end(kOptimizerChoices)}, 0);
  f.number("lr", &adam_rate_, 0.02f, 0.0001f, 1.0f);
  f.choice("content_layer", &content_layer_, LossNetwork::layer_names(), 5);  // relu3_2
  for (int i = 0; i < 4; ++i) {
    char key[16];
    std::snprintf(key, sizeof key, "w%s", kStyleLayers[i] + 4);  // w1_1, w2_1, ...
    f.number(key, &style_layer_weights_[i], 1, 0, 1);
  }
  f.number("alpha", &content_weight_, 1, 0, 100);
  f.number("beta", &style_weight_, 100, 0, 1e6f);
  f.number("tv", &tv_weight_, 1, 0, 1000);
  f.choice("colour", &colour_, {std::begin(kColourChoices), std::end(kColourChoices)}, 0);
  f.integer("iters", &max_iterations_, 300, 1, 5000);
  f.integer("seed", &seed_, 1, 0, 999999);
  f.boolean("run", &running_, false);
  fast_.declare_state(f);
  inside_.declare_state(f);
}

void StyleDemo::state_loaded() { gatys_.start_over(); }

GatysSettings StyleDemo::gatys_settings() const {
  GatysSettings s;
  s.loss.content_layer = LossNetwork::layer_names()[static_cast<size_t>(content_layer_)];
  s.loss.style_layers.clear();
  for (int i = 0; i < 4; ++i)
    if (style_layer_weights_[i] > 0) s.loss.style_layers.push_back({kStyleLayers[i], style_layer_weights_[i]});
  s.loss.content_weight = content_weight_;
  s.loss.style_weight = style_weight_;
  s.loss.tv_weight = tv_weight_;
  s.resolution = size_;
  s.init = init_ == 0 ? GatysInit::Content : init_ == 1 ? GatysInit::Noise : GatysInit::LowResolution;
  s.noise_seed = static_cast<uint64_t>(seed_);
  s.optimizer = optimizer_ == 0 ? GatysOptimizer::Lbfgs : GatysOptimizer::Adam;
  s.adam_learning_rate = adam_rate_;
  s.network = network_ == 1 ? LossNetworkKind::Classifier : LossNetworkKind::Random;
  s.colour = colour_ == 0 ? ColourMode::None : colour_ == 1 ? ColourMode::LuminanceOnly : ColourMode::HistogramMatch;
  return s;
}

void StyleDemo::use_settings(const GatysSettings& s) {
  const std::vector<std::string>& layers = LossNetwork::layer_names();
  for (size_t i = 0; i < layers.size(); ++i)
    if (layers[i] == s.loss.content_layer) content_layer_ = static_cast<int>(i);
  for (int i = 0; i < 4; ++i) {
    style_layer_weights_[i] = 0;
    for (const StyleLayerWeight& layer : s.loss.style_layers)
      if (layer.layer == kStyleLayers[i]) style_layer_weights_[i] = layer.weight;
  }
  content_weight_ = s.loss.content_weight;
  style_weight_ = s.loss.style_weight;
  tv_weight_ = s.loss.tv_weight;
  init_ = s.init == GatysInit::Content ? 0 : s.init == GatysInit::Noise ? 1 : 2;
}

LossNetworkChoice StyleDemo::loss_network_choice() const {
  LossNetworkChoice choice;
  choice.kind = network_ == 1 ? LossNetworkKind::Classifier : LossNetworkKind::Random;
  if (choice.kind == LossNetworkKind::Classifier && loss_weights_.state == AssetStatus::State::Ready)
    choice.classifier_weights = *loss_weights_.bytes;
  return choice;
}

bool StyleDemo::loss_network_ready() const {
  return network_ == 0 || loss_weights_.state == AssetStatus::State::Ready;
}

void StyleDemo::take_user_files() {
  std::string name, text;
  std::vector<uint8_t> bytes;
  while (take_user_file(&name, &bytes)) {
    ImageSlot slot = drops_to_style_ ? ImageSlot::Style : ImageSlot::Content;
    if (images_.use_file(slot, name, bytes.data(), bytes.size())) file_message_.clear();
  }
  while (take_user_files_message(&text)) file_message_ = text;
}

void StyleDemo::step(const StepBudget& budget) {
  (void)budget;  // the heavy work runs in background jobs; this only moves messages
  take_user_files();
  images_.select(content_id_, style_id_, size_);
  images_.update();
  if (network_ == 1) loss_weights_ = request_asset(kLossNetworkAsset);
  if (images_.version() != pictures_version_ && images_.ready()) {
    pictures_version_ = images_.version();
    const Tensor& c = images_.working(ImageSlot::Content);
    const Tensor& s = images_.working(ImageSlot::Style);
    set_rgb_image_from_planes(content_picture_, c.data(), c.dim(3), c.dim(2));
    set_rgb_image_from_planes(style_picture_, s.data(), s.dim(3), s.dim(2));
  }
  View view = static_cast<View>(view_);
  if (loss_network_ready())
    gatys_.update(gatys_settings(), images_, running_, max_iterations_, loss_network_choice().classifier_weights);
  if (gatys_.finished()) running_ = false;
  if (view == View::Fast)
    fast_.update(images_.working(ImageSlot::Content), images_.working(ImageSlot::Style), images_.version());
  if (view == View::Inside && loss_network_ready())
    inside_.update(loss_network_choice(), images_.working(ImageSlot::Content), images_.working(ImageSlot::Style),
                   gatys_.image(), images_.version() * 7919u + static_cast<unsigned>(gatys_.iteration()));
}

void StyleDemo::report(DemoReport& out) const {
  out.set_in("style", "iteration", gatys_.iteration());
  out.set_in("style", "content_loss", gatys_.content_loss());
  out.set_in("style", "style_loss", gatys_.style_loss());
  out.set_in("style", "tv_loss", gatys_.tv_loss());
  out.set_in("style", "iterations_per_second", gatys_.iterations_per_second());
  out.set_in("style", "fast_ms", fast_.last_milliseconds());
  out.set_in("style", "loss_network", network_);
  out.set_in("style", "images_ready", images_.ready() ? 1 : 0);
  out.set_in("style", "content_user_image", images_.from_user(ImageSlot::Content) ? 1 : 0);
  out.set_in("style", "working_width", images_.ready() ? images_.working(ImageSlot::Content).dim(3) : 0);
  out.set_in("style", "working_height", images_.ready() ? images_.working(ImageSlot::Content).dim(2) : 0);
  out.set_in("style", "finished", gatys_.finished() ? 1 : 0);
  out.set_in("style", "failed", gatys_.error().empty() ? 0 : 1);
  out.set_in("style", "inside_shuffle_difference", inside_.analysis().ready ? inside_.analysis().shuffle_max_difference : -1);
  out.set_in("style", "fast_has_result", fast_.has_result() ? 1 : 0);
  out.set_in("style", "own_training_step", fast_.own_training_step());
}

void StyleDemo::draw() {
  url_tab_bar("style_views",
              {translatable("Optimise"), translatable("Fast"), translatable("Inside"), translatable("Notes")}, &view_);
  if (!images_.message().empty()) ImGui::TextColored(ImVec4(1, 0.55f, 0.4f, 1), "%s", images_.message().c_str());
  if (!file_message_.empty()) ImGui::TextDisabled("%s", file_message_.c_str());
  if (!images_.ready()) {
    ImGui::ProgressBar(images_.loading_progress(), ImVec2(-1, 0), tr("loading the pictures"));
    return;
  }
  switch (static_cast<View>(view_)) {
    case View::Optimise: draw_optimise_view(); break;
    case View::Fast: fast_.draw(content_picture_); break;
    case View::Inside: inside_.draw(); break;
    case View::Notes: draw_notes_view(); break;
  }
}
