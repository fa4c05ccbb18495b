#include "demos/perceptron/mlp_mode.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "demos/help_marker.h"
#include "demos/i18n/tr.h"
#include "imgui.h"

namespace {

const char* const kActivationChoices[] = {"relu", "tanh", "sigmoid", "linear"};
const Activation kActivations[] = {Activation::Relu, Activation::Tanh, Activation::Sigmoid, Activation::Linear};
const char* const kLossChoices[] = {"ce", "mse"};
const char* const kOptimizerChoices[] = {"sgd", "momentum", "adam"};
const char* const kPenaltyChoices[] = {"none", "l1", "l2"};
const char* const kSpeedChoices[] = {"step", "epoch", "max"};
constexpr int kMaxUserPoints = 80;  // so a link with them stays short

// "x:y:class,..." with x, y in [-6, 6] and a class digit; also the URL validator.
bool parse_user_points(const std::string& text, std::vector<UserPoint>* out) {
  std::vector<UserPoint> points;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(start, end - start);
    float x = 0, y = 0;
    int label = 0, consumed = 0;
    if (std::sscanf(item.c_str(), "%f:%f:%d%n", &x, &y, &label, &consumed) != 3 ||
        consumed != static_cast<int>(item.size()) || !std::isfinite(x) || !std::isfinite(y) ||
        std::fabs(x) > kDomain || std::fabs(y) > kDomain || label < 0 || label > 4)
      return false;
    points.push_back({x, y, label});
    start = end + 1;
  }
  if (static_cast<int>(points.size()) > kMaxUserPoints) return false;
  if (out) *out = points;
  return true;
}

bool valid_user_points(const std::string& text) { return parse_user_points(text, nullptr); }

// ImGui::Combo over names marked translatable(), shown in the current language.
bool translated_combo(const char* label, int* current, const char* const* items, int count) {
  std::vector<const char*> shown;
  for (int i = 0; i < count; ++i) shown.push_back(tr(items[i]));
  return ImGui::Combo(label, current, shown.data(), count);
}

std::string format_user_points(const std::vector<UserPoint>& points) {
  std::string text;
  char buffer[48];
  for (const UserPoint& p : points) {
    std::snprintf(buffer, sizeof buffer, "%s%.2f:%.2f:%d", text.empty() ? "" : ",", static_cast<double>(p.x),
                  static_cast<double>(p.y), p.label);
    text += buffer;
  }
  return text;
}

}  // namespace

const char* MlpMode::explanation() const {
  return translatable(
      "Forward pass: each hidden layer computes h = f(W h_prev + b) from the layer before (the inputs are the "
      "chosen features of the point), and the output layer gives one score per class: softmax turns the scores "
      "into probabilities (a sigmoid for two classes), which colour the plane. Training picks a mini-batch, "
      "measures the cross-entropy -log p(true class) (or the squared error, to compare), and backpropagation "
      "applies the chain rule from the loss back to every weight: dL/dW = dL/dh * dh/dW, layer by layer. The "
      "optimizer then steps each weight against its gradient, W <- W - rate * dL/dW (plus momentum or Adam's "
      "running averages). Dropout silences a random fraction of a layer's units at each step (scaling the rest "
      "by 1/(1-p)); L1 and L2 add rate * sum|w| or rate * sum w^2 / 2 to the loss. Each small square in the "
      "network is what that neuron computes over the plane; links are blue for positive weights, orange for "
      "negative, thicker for larger ones.");
}

void MlpMode::declare_state(StateFields& f) {
  std::vector<std::string> datasets;
  for (int d = 0; d < kMlpDatasetCount; ++d) datasets.push_back(mlp_dataset_key(static_cast<MlpDataset>(d)));
  f.choice("dataset", &dataset_, datasets, 0);
  f.integer("classes", &classes_, 3, 3, 5);
  f.number("noise", &noise_, 0.05f, 0.0f, 0.5f);
  f.integer("points", &points_, 400, 20, 1000);
  f.integer("train", &train_percent_, 50, 10, 90);
  f.integer("seed", &seed_, 1, 0, 999999);
  for (int i = 0; i < kFeatureCount; ++i) f.boolean(feature_key(static_cast<Feature>(i)), &features_[i], i < 2);
  f.integer("layers", &hidden_layers_, 2, 0, kMaxHiddenLayers);
  static const char* const kNeuronKeys[] = {"n1", "n2", "n3", "n4", "n5", "n6"};
  static const char* const kActivationKeys[] = {"act1", "act2", "act3", "act4", "act5", "act6"};
  static const char* const kDropoutKeys[] = {"drop1", "drop2", "drop3", "drop4", "drop5", "drop6"};
  for (int l = 0; l < kMaxHiddenLayers; ++l) {
    f.integer(kNeuronKeys[l], &neurons_[l], l == 0 ? 4 : 2, 1, kMaxNeurons);
    f.choice(kActivationKeys[l], &activation_[l], {std::begin(kActivationChoices), std::end(kActivationChoices)}, 1);
    f.number(kDropoutKeys[l], &dropout_[l], 0.0f, 0.0f, 0.9f);
  }
  f.choice("loss", &loss_, {std::begin(kLossChoices), std::end(kLossChoices)}, 0);
  f.choice("opt", &optimizer_, {std::begin(kOptimizerChoices), std::end(kOptimizerChoices)}, 0);
  f.number("rate", &learning_rate_, 0.03f, 0.00001f, 10.0f);
  f.integer("batch", &batch_size_, 10, 1, 100);
  f.choice("reg", &penalty_, {std::begin(kPenaltyChoices), std::end(kPenaltyChoices)}, 0);
  f.number("regrate", &penalty_rate_, 0.0f, 0.0f, 1.0f);
  f.choice("speed", &speed_, {std::begin(kSpeedChoices), std::end(kSpeedChoices)}, 1);
  f.boolean("test", &show_test_, false);
  f.boolean("disc", &discretize_, false);
  f.text("pts", &user_points_text_, "", static_cast<size_t>(kMaxUserPoints) * 20, valid_user_points);
}

MlpConfig MlpMode::config_from_state() const {
  MlpConfig c;
  c.dataset = static_cast<MlpDataset>(dataset_);
  c.classes = classes_;
  c.noise = noise_;
  c.points = points_;
  c.train_percent = train_percent_;
  c.seed = seed_;
  std::copy(std::begin(features_), std::end(features_), std::begin(c.features));
  c.hidden_layers = hidden_layers_;
  for (int l = 0; l < kMaxHiddenLayers; ++l) {
    c.neurons[l] = neurons_[l];
    c.activation[l] = kActivations[activation_[l]];
    c.dropout[l] = dropout_[l];
  }
  c.loss = static_cast<LossKind>(loss_);
  c.optimizer = static_cast<OptimizerKind>(optimizer_);
  c.learning_rate = learning_rate_;
  c.batch_size = batch_size_;
  c.penalty = static_cast<Penalty>(penalty_);
  c.penalty_rate = penalty_rate_;
  return c;
}

void MlpMode::state_loaded() {
  if (!parse_user_points(user_points_text_, &user_points_)) user_points_.clear();
  rebuild();
}

void MlpMode::rebuild() {
  model_.reset(config_from_state(), user_points_);
  heatmaps_stale_ = true;
  rate_window_steps_ = 0;
  steps_per_second_ = 0;
}

void MlpMode::apply_config_changes() {
  MlpConfig wanted = config_from_state();
  if (MlpModel::needs_rebuild(model_.config(), wanted)) {
    rebuild();
  } else {
    model_.set_training_options(wanted);
  }
}

void MlpMode::add_user_point(float x, float y) {
  if (static_cast<int>(user_points_.size()) >= kMaxUserPoints) return;
  int classes = model_.classes();
  user_points_.push_back({x, y, std::clamp(class_to_add_, 0, classes - 1)});
  user_points_text_ = format_user_points(user_points_);
  rebuild();  // the data changed: a fresh run, as a new data set would give
}

void MlpMode::remove_user_point_near(float x, float y, float radius) {
  for (size_t i = 0; i < user_points_.size(); ++i) {
    float dx = user_points_[i].x - x, dy = user_points_[i].y - y;
    if (dx * dx + dy * dy <= radius * radius) {
      user_points_.erase(user_points_.begin() + static_cast<long>(i));
      user_points_text_ = format_user_points(user_points_);
      rebuild();
      return;
    }
  }
}

// Training in time slices: as many mini-batch steps as fit the frame's budget,
// then one evaluation and fresh heat maps.
void MlpMode::step(const StepBudget& budget) {
  apply_config_changes();
  double now = now_seconds();
  if (running() && !model_.diverged()) {
    // Per frame: one step, one epoch (as TensorFlow Playground does), or all the budget allows.
    long wanted = speed_ == 0 ? 1 : speed_ == 1 ? std::max(1, model_.train_set().size() / std::max(1, batch_size_)) : -1;
    long done = 0;
    while ((wanted < 0 || done < wanted) && !budget.expired() && model_.train_step()) ++done;
    if (model_.diverged()) set_running(false);
    rate_window_steps_ += done;
    if (done > 0) {
      model_.evaluate();
      model_.record_history();
      heatmaps_stale_ = true;
    }
  }
  if (now - rate_window_start_ >= 0.5) {
    steps_per_second_ = static_cast<double>(rate_window_steps_) / (now - rate_window_start_);
    rate_window_start_ = now;
    rate_window_steps_ = 0;
  }
  if (heatmaps_stale_) {
    model_.update_heatmaps(48, 20);
    heatmaps_stale_ = false;
  }
}

void MlpMode::controls() {
  if (ImGui::Button(running() ? tr_id("Pause") : tr_id("Play"))) set_running(!running());
  ImGui::SameLine();
  if (ImGui::Button(tr_id("Step"))) {
    if (model_.train_step()) {
      model_.evaluate();
      model_.record_history();
    }
    heatmaps_stale_ = true;
  }
  ImGui::SameLine();
  if (ImGui::Button(tr_id("Reset"))) rebuild();
  ImGui::SameLine();
  static const char* const kSpeedLabels[] = {translatable("1 step / frame"), translatable("1 epoch / frame"),
                                             translatable("as fast as possible")};
  ImGui::SetNextItemWidth(-1);
  translated_combo("##speed", &speed_, kSpeedLabels, 3);
  ImGui::Text(tr("step %ld   epoch %.1f   %.0f steps/s"), model_.steps(), model_.epochs(), steps_per_second_);
  ImGui::Text(tr("loss: train %.3f  test %.3f"), static_cast<double>(model_.train_loss()),
              static_cast<double>(model_.test_loss()));
  ImGui::Text(tr("accuracy: train %.1f%%  test %.1f%%"), 100.0 * static_cast<double>(model_.train_accuracy()),
              100.0 * static_cast<double>(model_.test_accuracy()));
  if (model_.diverged()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.45f, 0.4f, 1));
    ImGui::TextWrapped("%s", tr("Training diverged (NaN): the learning rate is too large for this network. Lower it and reset."));
    ImGui::PopStyleColor();
    if (ImGui::Button(tr_id("Reset the network"))) rebuild();
  }

  if (ImGui::CollapsingHeader(tr_id("Data"), ImGuiTreeNodeFlags_DefaultOpen)) {
    static const char* const kLabels[kMlpDatasetCount] = {
        translatable("circle"), "XOR", translatable("two Gaussians"), translatable("spiral"),
        translatable("linear"), translatable("moons"), "y > sin x", "y > x^2", translatable("k blobs"),
        translatable("k spirals")};
    translated_combo(tr_id("data set"), &dataset_, kLabels, kMlpDatasetCount);
    MlpDataset d = static_cast<MlpDataset>(dataset_);
    if (d == MlpDataset::Blobs || d == MlpDataset::Spirals) ImGui::SliderInt(tr_id("classes"), &classes_, 3, 5);
    ImGui::SliderFloat(tr_id("noise"), &noise_, 0.0f, 0.5f, "%.2f");
    ImGui::SliderInt(tr_id("points"), &points_, 20, 1000);
    ImGui::SliderInt(tr_id("train %"), &train_percent_, 10, 90);
    if (ImGui::Button(tr_id("Regenerate"))) seed_ = seed_ % 999999 + 1;
    ImGui::SameLine();
    ImGui::Text(tr("seed %d"), seed_);
    ImGui::TextUnformatted(tr("Click the plot to add a point of class"));
    for (int k = 0; k < model_.classes(); ++k) {
      if (k > 0) ImGui::SameLine();
      ImGui::PushID(k);
      if (ImGui::ColorButton("##class", kHeatmapPalette[k], ImGuiColorEditFlags_NoTooltip, ImVec2(20, 20)))
        class_to_add_ = k;
      if (k == class_to_add_)  // the chosen class gets a white frame
        ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), IM_COL32_WHITE, 0, 0, 2);
      ImGui::PopID();
    }
    help_marker("Left click adds a point of the chosen class to the training set; right click (or a long "
                "press) removes your nearest point. Up to 80 of your points are kept in the link.");
    if (!user_points_.empty()) {
      ImGui::Text(tr("your points: %d"), static_cast<int>(user_points_.size()));
      ImGui::SameLine();
      if (ImGui::SmallButton(tr_id("clear"))) {
        user_points_.clear();
        user_points_text_.clear();
        rebuild();
      }
    }
  }

  if (ImGui::CollapsingHeader(tr_id("Features"), ImGuiTreeNodeFlags_DefaultOpen)) {
    for (int i = 0; i < kFeatureCount; ++i) {
      if (i % 4 != 0) ImGui::SameLine();
      ImGui::Checkbox(feature_label(static_cast<Feature>(i)), &features_[i]);
    }
  }

  if (ImGui::CollapsingHeader(tr_id("Network"), ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::Text(tr("hidden layers: %d"), hidden_layers_);
    ImGui::SameLine();
    if (ImGui::SmallButton(tr_id("+ layer")) && hidden_layers_ < kMaxHiddenLayers) ++hidden_layers_;
    ImGui::SameLine();
    if (ImGui::SmallButton(tr_id("- layer")) && hidden_layers_ > 0) --hidden_layers_;
    if (hidden_layers_ > 0 && ImGui::BeginTable("layers", 4, ImGuiTableFlags_SizingStretchProp)) {
      ImGui::TableSetupColumn(tr("layer"), ImGuiTableColumnFlags_WidthFixed, 36);
      ImGui::TableSetupColumn(tr("neurons"));
      ImGui::TableSetupColumn(tr("activation"));
      ImGui::TableSetupColumn(tr("dropout"));
      ImGui::TableHeadersRow();
      static const char* const kLabels[] = {"ReLU", "tanh", "sigmoid", translatable("linear")};
      for (int l = 0; l < hidden_layers_; ++l) {
        ImGui::PushID(l);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%d", l + 1);
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        ImGui::SliderInt("##n", &neurons_[l], 1, kMaxNeurons);
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        translated_combo("##a", &activation_[l], kLabels, 4);
        ImGui::TableNextColumn();
        ImGui::SetNextItemWidth(-1);
        ImGui::SliderFloat("##d", &dropout_[l], 0.0f, 0.9f, "%.1f");
        ImGui::PopID();
      }
      ImGui::EndTable();
    }
  }

  if (ImGui::CollapsingHeader(tr_id("Training"), ImGuiTreeNodeFlags_DefaultOpen)) {
    static const char* const kLossLabels[] = {translatable("cross-entropy"), translatable("squared error")};
    static const char* const kOptimizerLabels[] = {"SGD", translatable("momentum (0.9)"), "Adam"};
    static const char* const kPenaltyLabels[] = {translatable("none"), "L1", "L2"};
    translated_combo(tr_id("loss"), &loss_, kLossLabels, 2);
    translated_combo(tr_id("optimizer"), &optimizer_, kOptimizerLabels, 3);
    ImGui::SliderFloat(tr_id("learning rate"), &learning_rate_, 0.00001f, 10.0f, "%.5g", ImGuiSliderFlags_Logarithmic);
    ImGui::SliderInt(tr_id("batch size"), &batch_size_, 1, 100);
    translated_combo(tr_id("regularization"), &penalty_, kPenaltyLabels, 3);
    if (penalty_ != 0) ImGui::SliderFloat(tr_id("reg. rate"), &penalty_rate_, 0.0f, 1.0f, "%.4f", ImGuiSliderFlags_Logarithmic);
  }
  if (ImGui::CollapsingHeader(tr_id("View"))) {
    ImGui::Checkbox(tr_id("show test data"), &show_test_);
    ImGui::Checkbox(tr_id("discretize output"), &discretize_);
  }
}

void MlpMode::report(DemoReport& out) const {
  out.set("step", static_cast<double>(model_.steps()));
  out.set("epoch", model_.epochs());
  out.set("train_loss", model_.train_loss());
  out.set("test_loss", model_.test_loss());
  out.set("train_accuracy", model_.train_accuracy());
  out.set("test_accuracy", model_.test_accuracy());
  out.set("steps_per_second", steps_per_second_);
  out.set("diverged", model_.diverged() ? 1 : 0);
}
