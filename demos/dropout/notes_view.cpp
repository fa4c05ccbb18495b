// The formulas behind the demo and what to look for in each tab.
#include "demos/dropout/dropout_demo.h"
#include "demos/dropout/view_common.h"
#include "demos/i18n/tr.h"
#include "demos/notes_text.h"
#include "imgui.h"

using namespace dropout_ui;

namespace {

void section(const char* title) { notes_section(title, kDropoutColor); }  // title: marked translatable() by the caller

void formula(const char* text) { notes_formula(text); }

// `text`: English, marked translatable() by the caller.
void bullet(const char* text) {
  ImGui::Bullet();
  ImGui::TextWrapped("%s", tr(text));
}

}  // namespace

void DropoutDemo::draw_notes_view() {
  ImGui::BeginChild("notes", ImVec2(0, 0), false);
  ImGui::PushTextWrapPos(0);
  section(translatable("Why: co-adaptation"));
  ImGui::TextWrapped("%s", tr("In a large network trained on little data, units come to depend on each other: one fixes the "
                              "mistakes of another, some pairs only cancel each other out, and together they memorise the "
                              "training set. Per-layer L1 or L2 penalties do not stop this. Dropout (Hinton et al. 2012; "
                              "Srivastava et al., JMLR 2014) makes every unit work among a random subset of the others."));

  section(translatable("Training: a Bernoulli mask per layer"));
  formula("z^(l)_j ~ Bernoulli(q_l),   q_l = 1 - p_l  (p_l: the layer's drop rate)");
  formula("h^(l+1) = sigma( W^(l+1)T (h^(l) * z^(l)) + b^(l+1) ),   sigma = ReLU here, * element-wise");
  ImGui::TextWrapped("%s", tr("On average a fraction p of the units is off (half at p = 0.5). Each mini-batch example trains "
                              "a different thinned network, all sharing weights: an ensemble of 2^n networks trained at the "
                              "cost of one. The Thinned network tab shows the masks of the latest step."));

  section(translatable("Test time: weight scaling, or inverted dropout"));
  formula("paper:     train with h * z;       test with all units on, W scaled by q");
  formula("           since E[h * z] = q h");
  formula("inverted:  train with h * z / q;   test with the network as it is");
  formula("           (evaluation mode is the identity)");
  ImGui::TextWrapped("%s", tr("Both keep each layer's expected input equal in training and at test time, and they learn the "
                              "same functions; frameworks use the inverted form so that inference needs no change. Switch "
                              "between them under 'scaling'. The deterministic network approximates the average of all the "
                              "thinned networks; Monte-Carlo dropout averages N of them instead (Inference tab), and their "
                              "spread measures the model's uncertainty."));

  section(translatable("Dropout is an adaptive L2 penalty (Baldi & Sadowski 2013)"));
  formula("E_D = 1/2 (y - sum_j z_j w_j x_j)^2,   z_j ~ Bernoulli(p_j)   (p_j: keep probability)");
  formula("E_N = 1/2 (y - sum_j p_j w_j x_j)^2");
  formula("E[grad E_D] = grad( E_N + 1/2 sum_i p_i (1 - p_i) w_i^2 x_i^2 )");
  ImGui::TextWrapped("%s", tr("For a linear unit, exactly: E[z_i z_j] = p_i p_j for i != j but E[z_i^2] = p_i, and the "
                              "difference is the penalty. It is strongest at p = 1/2 and scales with x_i^2, so inputs that "
                              "vary more are penalised more. The Dropout = L2 tab checks it with thousands of masks."));

  section(translatable("Rates are per layer"));
  ImGui::TextWrapped("%s", tr("The paper keeps inputs with q = 0.8 (p = 0.2) and hidden units with q = 0.5. AlexNet and VGG "
                              "used p = 0.5 in their fully connected layers. In convolutional networks batch normalisation "
                              "has largely replaced dropout. Dropout is not pruning: a dropped unit is back the next step."));

  section(translatable("What to look for"));
  bullet(translatable("Training: without dropout the training error reaches 0 while the test loss climbs: the "
                      "shaded train-test gap widens. With dropout the gap stays narrow, and the test loss low."));
  bullet(translatable("Test error on 1,000 Fashion-MNIST images: for the first 80 or so epochs the two networks stay within "
                      "about a point of each other (which one leads depends on the seed); dropout pulls ahead slowly. Its "
                      "clear effect is on the gap and on the test loss: the plain network grows confidently wrong."));
  bullet(translatable("On 2-D points: the no-dropout boundary bends around single noisy points; dropout's is smooth, and "
                      "its test error is clearly lower."));
  bullet(translatable("Features: what each first-layer unit learned (W - W0). The paper found co-adapted units "
                      "without dropout that mean little alone, and part detectors (strokes, edges) with it."));
  bullet(translatable("Activations: dropout's hidden units are more often exactly zero (sparser codes)."));
  bullet(translatable("Inference: MC dropout and weight scaling agree on most examples; the spread is widest on "
                      "ambiguous ones (shirt, T-shirt, pullover, coat)."));
  bullet(translatable("Dropout takes longer to train: each thinned network sees few updates, and its curves are noisier."));
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
}
