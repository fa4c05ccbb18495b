#include "demos/perceptron/gates_mode.h"

#include <string>

#include <algorithm>

#include "demos/i18n/tr.h"
#include "imgui.h"

namespace {

const char* const kGateNames[kGateCount] = {"OR", "AND", "NAND", "XOR"};
const char* const kXorViews[] = {"line", "by_hand", "learned"};
const char* const kActivationNames[] = {"tanh", "sigmoid"};

void help_text(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.78f, 0.85f, 1));
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

}  // namespace

const char* GatesMode::explanation() const {
  if (gate() != Gate::Xor)
    return translatable(
        "A perceptron computes h(x) = sign(w0 + w1 x1 + w2 x2), read here as 1 for + and 0 for -. With "
        "inputs in {0, 1} the four rows of a truth table are the corners of the unit square, and the unit "
        "answers 1 on the blue side of the white line w0 + w1 x1 + w2 x2 = 0 and 0 on the orange side; the "
        "arrow is (w1, w2). The notes' OR is sign(3 x1 + 3 x2 - 2): the line x1 + x2 = 2/3 cuts (0,0) off "
        "from the other corners. AND, (-4, 3, 3), moves it to x1 + x2 = 4/3, leaving only (1,1) on the + "
        "side; NAND flips every sign of AND. Rosenblatt's rule finds such weights by itself (Perceptron tab).");
  return translatable(
      "XOR is 1 on (0,1) and (1,0) and 0 on (0,0) and (1,1): the classes sit on the two diagonals, and no "
      "line has both blue corners on one side and both orange on the other (Minsky & Papert 1969); the "
      "best line gets three rows right. Two layers do it: the hidden units OR (green line) and NAND "
      "(magenta line) each cut off one orange corner, and the output unit AND answers 1 only in the band "
      "between them: XOR = AND(OR, NAND). To learn it, the step becomes smooth so that gradients exist: "
      "h = tanh(W x + b) (or the sigmoid), logit z = v.h + c, loss L = -t log s(z) - (1 - t) log(1 - s(z)) with s the "
      "sigmoid. Its gradient dL/dz = s(z) - t flows back through v to W by the chain rule, and Adam moves "
      "every weight; the plot shows the two hidden lines W x + b = 0 turning as it learns.");
}

void GatesMode::declare_state(StateFields& f) {
  f.choice("g_gate", &gate_, {kGateNames, kGateNames + kGateCount}, 0);
  f.number("g_w0", &w0_, -2.0f, -5.0f, 5.0f);  // OR's weights, the default gate's
  f.number("g_w1", &w1_, 3.0f, -5.0f, 5.0f);
  f.number("g_w2", &w2_, 3.0f, -5.0f, 5.0f);
  f.choice("g_xor", &xor_view_, {kXorViews, kXorViews + 3}, 0);
  f.choice("g_act", &activation_, {kActivationNames, kActivationNames + 2}, 0);
  f.number("g_rate", &rate_, 0.03f, 0.001f, 1.0f);
  f.integer("g_seed", &seed_, 1, 0, 999999);  // seed 1 solves XOR in about 60 steps; many seeds get stuck
  f.integer("g_speed", &speed_, 30, 1, 1000);
}

void GatesMode::state_loaded() { reset_learner(); }

void GatesMode::reset_learner() {
  learner_.reset(static_cast<uint64_t>(seed_), activation_ == 0 ? Activation::Tanh : Activation::Sigmoid, rate_);
  pending_steps_ = 0;
}

void GatesMode::select_gate(int index) {
  gate_ = index;
  ThresholdUnit notes = notes_weights(static_cast<Gate>(index));
  w0_ = notes.w0, w1_ = notes.w1, w2_ = notes.w2;
  set_running(false);
}

void GatesMode::handle_request(const char* request) {
  if (std::string(request) == "xor_by_hand") {
    select_gate(static_cast<int>(Gate::Xor));
    xor_view_ = 1;
  }
}

GatesMode::Shown GatesMode::shown() const {
  if (gate() != Gate::Xor || xor_view_ == 0) return Shown::SingleUnit;
  return xor_view_ == 1 ? Shown::HandBuilt : Shown::Learned;
}

float GatesMode::shown_score(float x1, float x2) const {
  switch (shown()) {
    case Shown::SingleUnit: return unit().score(x1, x2);
    case Shown::HandBuilt: return HandBuiltXor{}.score(x1, x2);
    case Shown::Learned: return learner_.logit(x1, x2);
  }
  return 0;
}

int GatesMode::shown_rows_correct() const {
  int correct = 0;
  for (const auto& row : kTruthRows) {
    int output = shown_score(static_cast<float>(row[0]), static_cast<float>(row[1])) > 0 ? 1 : 0;
    correct += output == gate_truth(gate(), row[0], row[1]);
  }
  return correct;
}

void GatesMode::step(const StepBudget& budget) {
  if (!running()) return;
  if (shown() != Shown::Learned) {
    set_running(false);  // only the learned network has anything to run
    return;
  }
  pending_steps_ = std::min(pending_steps_ + budget.frame_seconds * speed_, static_cast<double>(speed_));
  for (int done = 0; pending_steps_ >= 1.0; ++done) {
    if (done % 8 == 0 && budget.expired()) break;
    pending_steps_ -= 1.0;
    learner_.train_step();
    if (learner_.rows_correct() == 4 && learner_.loss() < 0.01f) {
      set_running(false);  // learned: nothing left worth watching
      pending_steps_ = 0;
      break;
    }
  }
}

void GatesMode::controls() {
  int picked = gate_;
  if (ImGui::Combo(tr_id("gate"), &picked, kGateNames, kGateCount) && picked != gate_) select_gate(picked);
  if (gate() == Gate::Xor) {
    help_text(tr("No single line puts (0,1) and (1,0) on one side and (0,0) and (1,1) on the other "
                 "(Minsky & Papert 1969). Try the sliders; then add a layer."));
    bool changed = ImGui::RadioButton(tr_id("one line"), &xor_view_, 0);
    ImGui::SameLine();
    changed |= ImGui::RadioButton(tr_id("two layers"), &xor_view_, 1);
    ImGui::SameLine();
    changed |= ImGui::RadioButton(tr_id("learned"), &xor_view_, 2);
    if (changed) set_running(false);
  }
  if (shown() == Shown::SingleUnit) {
    ImGui::SliderFloat(tr_id("w0 (bias)"), &w0_, -5, 5, "%.2f");
    ImGui::SliderFloat("w1", &w1_, -5, 5, "%.2f");
    ImGui::SliderFloat("w2", &w2_, -5, 5, "%.2f");
    if (ImGui::Button(tr_id("Use the notes' weights"))) select_gate(gate_);
    if (gate() == Gate::Xor) ImGui::TextDisabled("%s", tr("(for XOR: OR's, which get 3 of 4 rows)"));
    help_text(tr("h(x) = step(w0 + w1 x1 + w2 x2): 1 if positive, else 0."));
  } else if (shown() == Shown::HandBuilt) {
    help_text(tr("h1 = OR(x) = step(-2 + 3 x1 + 3 x2), green line\n"
                 "h2 = NAND(x) = step(4 - 3 x1 - 3 x2), magenta line\n"
                 "y = AND(h1, h2) = step(-4 + 3 h1 + 3 h2)\n"
                 "In the hidden layer the corners move to (h1, h2): (0,0) -> (0,1), (0,1) and (1,0) -> (1,1), "
                 "(1,1) -> (1,0), and there one line, AND's, splits them."));
  } else {
    learner_controls();
  }
  ImGui::Separator();
  truth_table();
  ImGui::Text(tr("rows right: %d / 4"), shown_rows_correct());
}

void GatesMode::learner_controls() {
  ImGui::TextUnformatted(tr("Learn XOR from scratch (2-2-1 network)"));
  if (ImGui::Button(running() ? tr_id("Pause") : tr_id("Run"))) set_running(!running());
  ImGui::SameLine();
  if (ImGui::Button(tr_id("Step"))) learner_.train_step();
  ImGui::SameLine();
  if (ImGui::Button(tr_id("Reset"))) reset_learner();
  ImGui::SameLine();
  if (ImGui::Button(tr_id("New seed"))) {
    seed_ = seed_ % 999999 + 1;
    reset_learner();
  }
  bool rebuild = ImGui::InputInt(tr_id("seed"), &seed_);
  seed_ = std::clamp(seed_, 0, 999999);
  rebuild |= ImGui::Combo(tr_id("hidden units"), &activation_, kActivationNames, 2);
  if (rebuild) reset_learner();
  if (ImGui::SliderFloat(tr_id("Adam rate"), &rate_, 0.001f, 1.0f, "%.3f", ImGuiSliderFlags_Logarithmic))
    learner_.set_rate(rate_);
  ImGui::SliderInt(tr_id("steps / s"), &speed_, 1, 1000, "%d", ImGuiSliderFlags_Logarithmic);
  ImGui::Text(tr("step %ld   loss %.4f"), learner_.steps(), static_cast<double>(learner_.loss()));
  if (learner_.plateaued()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.8f, 0.3f, 1));
    ImGui::TextWrapped("%s", tr("Stuck: the loss has stopped falling with a row still wrong. Typically two rows "
                                "get the same hidden values (h1, h2 below), so the output cannot tell them apart, "
                                "and the saturated units pass back almost no gradient. A 2-2-1 network ends in such "
                                "a local minimum from about half the seeds."));
    ImGui::PopStyleColor();
    if (ImGui::Button(tr_id("Try another seed"))) {
      seed_ = seed_ % 999999 + 1;
      reset_learner();
      set_running(true);
    }
  } else if (learner_.rows_correct() == 4) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.4f, 0.9f, 0.5f, 1));
    ImGui::TextWrapped("%s", tr("All four rows right. Compare its hidden lines with OR and NAND."));
    ImGui::PopStyleColor();
  }
}

void GatesMode::truth_table() const {
  Shown view = shown();
  const char* gate_label = gate_name(gate());
  std::vector<const char*> headers = {"x1", "x2"};
  if (view == Shown::SingleUnit) headers.insert(headers.end(), {tr("score"), "h"});
  if (view == Shown::HandBuilt) headers.insert(headers.end(), {"OR", "NAND", "y"});
  if (view == Shown::Learned) headers.insert(headers.end(), {"h1", "h2", "p(1)"});
  headers.insert(headers.end(), {gate_label, ""});
  int columns = static_cast<int>(headers.size());
  if (!ImGui::BeginTable("truth_table", columns, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
  for (const char* header : headers) ImGui::TableSetupColumn(header);
  ImGui::TableHeadersRow();
  auto cell = [](const char* format, double value) {
    ImGui::TableNextColumn();
    ImGui::Text(format, value);
  };
  for (const auto& row : kTruthRows) {
    float x1 = static_cast<float>(row[0]), x2 = static_cast<float>(row[1]);
    int output = shown_score(x1, x2) > 0 ? 1 : 0, truth = gate_truth(gate(), row[0], row[1]);
    ImGui::TableNextRow();
    cell("%.0f", x1);
    cell("%.0f", x2);
    if (view == Shown::SingleUnit) {
      cell("%+.1f", unit().score(x1, x2));
      cell("%.0f", output);
    } else if (view == Shown::HandBuilt) {
      HandBuiltXor net;
      cell("%.0f", net.hidden_or.fire(x1, x2));
      cell("%.0f", net.hidden_nand.fire(x1, x2));
      cell("%.0f", output);
    } else {
      cell("%+.2f", learner_.hidden_value(0, x1, x2));
      cell("%+.2f", learner_.hidden_value(1, x1, x2));
      cell("%.2f", activation_value(Activation::Sigmoid, learner_.logit(x1, x2)));
    }
    cell("%.0f", truth);
    ImGui::TableNextColumn();
    tick_or_cross(output == truth);
  }
  ImGui::EndTable();
}

void GatesMode::report(DemoReport& out) const {
  bool learning = shown() == Shown::Learned;
  out.set("step", learning ? static_cast<double>(learner_.steps()) : 0.0);
  out.set("train_loss", learning ? static_cast<double>(learner_.loss()) : 0.0);
  out.set("test_accuracy", shown_rows_correct() / 4.0);
}
