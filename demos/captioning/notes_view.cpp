// The Notes tab: the two captioners, decoding and BLEU, in formulas.
#include "demos/captioning/caption_demo.h"
#include "demos/i18n/tr.h"
#include "demos/notes_text.h"

namespace {

const ImVec4 kHeading(0.55f, 0.78f, 1.0f, 1.0f);

void formula(const char* text) { notes_formula(text); }

}  // namespace

void CaptionDemo::draw_notes_view() {
  ImGui::BeginChild("notes", ImVec2(0, 0), false);
  ImGui::PushTextWrapPos(0);
  notes_section("The world", kHeading);
  ImGui::TextWrapped("%s", tr("Each 64 x 64 scene holds one to four Fashion-MNIST items (28 x 28), tinted in one of "
                              "six colours, placed so that no two boxes overlap. Captions come from a small grammar "
                              "of 44 words with counts and relations (left of, above, next to); every scene has "
                              "several reference captions. Ten colour-class pairs (such as green sneakers) never "
                              "occur in training: the held-out split puts at least one of them in every scene."));
  notes_section("Show and Tell (Vinyals, Toshev, Bengio & Erhan 2015)", kHeading);
  ImGui::TextWrapped("%s", tr("A convolutional encoder turns the image into an 8 x 8 grid of feature vectors a_i (L "
                              "= 64 cells). Show and Tell averages them into one vector that starts an LSTM; the "
                              "LSTM then predicts one word at a time from the previous word's embedding."));
  formula("h_0, c_0 = f(mean_i a_i);   h_t, c_t = LSTM(E y_(t-1), h_(t-1), c_(t-1));   p(y_t) = softmax(W h_t)");
  notes_section("Show, Attend and Tell (Xu et al. 2015)", kHeading);
  ImGui::TextWrapped("%s", tr("Before each word the decoder scores every cell against its state (soft additive "
                              "attention, Bahdanau et al. 2015), turns the scores into a distribution alpha_t over "
                              "the 64 cells and reads their weighted mean, scaled by a gate beta_t. The maps under "
                              "the words are alpha_t."));
  formula("e_ti = w^T tanh(W_a a_i + W_h h_(t-1));   alpha_t = softmax(e_t);   z_t = beta_t sum_i alpha_ti a_i");
  formula("beta_t = sigmoid(f_beta(h_(t-1)));   h_t = LSTM([E y_(t-1); z_t], h_(t-1))");
  formula("loss = -sum_t log p(y_t) + lambda sum_i (1 - sum_t alpha_ti)^2     (doubly stochastic: every cell looked at)");
  notes_section("Decoding", kHeading);
  ImGui::TextWrapped("%s", tr("Greedy takes the most likely word each step. Beam search keeps the k partial captions "
                              "with the highest summed log-probability; a finished caption keeps its slot, so k = 1 "
                              "is greedy. Long captions collect more negative terms, so the sum prefers short ones; "
                              "dividing by the length, or by Wu et al. (2016)'s ((5 + |Y|) / 6)^alpha, corrects "
                              "that. Sampling draws each word from softmax(log p / T)."));
  notes_section("BLEU (Papineni, Roukos, Ward & Zhu 2002)", kHeading);
  formula("p_n = sum clipped n-gram matches / sum candidate n-grams   (a match counts at most as often as in one reference)");
  formula("BLEU-N = BP * exp(sum_n log p_n / N),   BP = 1 if c > r else exp(1 - r / c)");
  ImGui::TextWrapped("%s", tr("c is the caption's length and r the length of the reference closest to it. Corpus "
                              "BLEU sums the matches, totals and lengths over all scenes before dividing; it is not "
                              "the mean of the sentence scores."));
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
}
