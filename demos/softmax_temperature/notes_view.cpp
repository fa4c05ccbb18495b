// The formulas behind the demo, and what to look for in each tab.
#include "demos/notes_text.h"
#include "demos/softmax_temperature/temperature_demo.h"
#include "demos/softmax_temperature/view_style.h"

using namespace temperature_ui;

namespace {

void section(const char* title) { notes_section(title, kHeadingColor); }

void formula(const char* text) { notes_formula(text); }

}  // namespace

void TemperatureDemo::draw_notes_view() {
  ImGui::BeginChild("notes", ImVec2(0, 0), false);
  ImGui::PushTextWrapPos(0);
  section(translatable("Softmax with a temperature"));
  formula("p_i = exp(z_i / T) / sum_k exp(z_k / T)");
  formula("p_i / p_j = exp((z_i - z_j) / T)        H(p) = -sum_i p_i log p_i  (nats)");
  ImGui::TextWrapped("%s", tr("Dividing by T scales every logit difference. T -> 0 sends the largest logit's share to "
                              "1 (argmax, H -> 0); T = 1 is the usual softmax; T -> infinity makes all differences "
                              "vanish (uniform 1/K, H -> log K). Adding a constant to every logit changes nothing. "
                              "Computed stably as exp((z_i - max z) / T) / sum_k exp((z_k - max z) / T)."));

  section(translatable("Sampling from a language model"));
  ImGui::TextWrapped("%s", tr("A language model's next-token distribution is a softmax of its logits. Sampling at low "
                              "T repeats the likeliest continuations (greedy decoding at T -> 0); at high T it takes "
                              "rare, often wrong, characters. The Language model tab uses the slider's T."));

  section(translatable("Knowledge distillation (Hinton, Vinyals & Dean 2015)"));
  formula("L = alpha * T^2 * KL( softmax(t / T) || softmax(s / T) ) + (1 - alpha) * CE( softmax(s), y )");
  formula("dL_soft / ds_i = alpha * T * ( softmax(s / T)_i - softmax(t / T)_i ) / B");
  ImGui::TextWrapped("%s", tr("t are the teacher's logits, s the student's, y the labels. At T > 1 the teacher's "
                              "wrong-class probabilities, tiny at T = 1, become visible: which classes a point "
                              "resembles (\"dark knowledge\"). The soft term's gradient shrinks as 1/T^2, hence the "
                              "factor T^2. The student is deployed at T = 1. Here the students see only the first few "
                              "of the teacher's labelled points: the hard-label student can only guess the boundaries "
                              "between them; the distilled one learns how close each point is to the other classes. "
                              "The distillation temperature kd_T is separate from the slider, because changing it "
                              "restarts training."));

  section(translatable("Calibration and temperature scaling (Guo et al. 2017)"));
  formula("ECE = sum_m (|B_m| / n) * | acc(B_m) - conf(B_m) |");
  formula("T* = argmin_T  -(1/n) sum_i log softmax(z_i / T)[y_i]   on held-out data");
  ImGui::TextWrapped("%s", tr("conf is the largest probability, B_m the predictions whose confidence falls in bin m. "
                              "A network that fits its training set well keeps pushing its logits apart, so its "
                              "confidence outruns its accuracy on new data; T* > 1 undoes this. One T leaves the "
                              "argmax, hence the accuracy, unchanged. The NLL is convex in 1/T, so a one-dimensional "
                              "search finds T*."));
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
}
