// The Notes tab: the formulas behind the three other tabs, and what to look for.
#include "demos/i18n/tr.h"
#include "demos/notes_text.h"
#include "demos/style_transfer/style_demo.h"

namespace {

const ImVec4 kHeading(0.55f, 0.78f, 1.0f, 1.0f);

void formula(const char* text) { notes_formula(text); }

}  // namespace

void StyleDemo::draw_notes_view() {
  ImGui::BeginChild("notes", ImVec2(0, 0), false);
  ImGui::PushTextWrapPos(0);
  notes_section("Two images, one picture (Gatys, Ecker & Bethge 2016)", kHeading);
  ImGui::TextWrapped("%s", tr("A fixed network that was trained to recognise images (the loss network) turns every "
                              "picture into feature maps F_l [C_l, H_l * W_l], one per layer. Content is what sits "
                              "where: the maps themselves. Style is which features fire together, wherever they fire: "
                              "the Gram matrix of the maps. The Optimise tab changes the output's pixels x until its "
                              "features match the content image at one layer and its Gram matrices match the style "
                              "image at several."));
  formula("G_l = F_l F_l^T / (C_l H_l W_l)        (channel-by-channel inner products)");
  formula("L_content = ||F_l(x) - F_l(c)||^2 / ||F_l(c)||^2");
  formula("L_style   = sum_l w_l ||G_l(x) - G_l(s)||^2 / ||G_l(s)||^2");
  formula("L = alpha * L_content + beta * L_style + gamma * TV(x)");
  ImGui::TextWrapped("%s", tr("The losses are relative errors, so 1 means \"as far as an empty picture\" at every "
                              "layer and the weights w_l compare like with like. TV, the mean squared difference of "
                              "neighbouring pixels, keeps the result from turning into high-frequency noise. Gatys et "
                              "al. use L-BFGS, a quasi-Newton method that builds a picture of the curvature from its "
                              "last few gradients; Adam works too but needs more iterations."));

  notes_section("Why the Gram matrix keeps texture and drops layout", kHeading);
  formula("G_ij = sum_p F_i(p) F_j(p)  is a sum over positions p: any shuffle of the positions leaves it unchanged");
  ImGui::TextWrapped("%s", tr("The Inside tab shuffles an image's pixels and shows that the Gram matrix of the "
                              "shuffled image is identical. Shuffling the first layer's input pixels changes deeper "
                              "layers' Grams, because a 3x3 filter sees neighbours; the statement holds exactly for "
                              "the positions of the layer whose Gram is taken."));

  notes_section("Presets that teach", kHeading);
  ImGui::TextWrapped("%s", tr("Texture synthesis: content weight 0, start from noise: only the Gram matrices are "
                              "matched, and the result is a new sample of the style's texture, not a copy. What a "
                              "layer keeps: style weight 0, start from noise, match one layer's features: shallow "
                              "layers give back the pixels, deep ones only the layout. Feature loss for "
                              "super-resolution (Johnson et al.): start from a blurred, low-resolution copy and match "
                              "shallow features of the sharp image."));

  notes_section("Fast networks (Johnson, Alahi & Fei-Fei 2016)", kHeading);
  ImGui::TextWrapped("%s", tr("Optimising pixels takes many forward and backward passes per image. An Image Transform "
                              "Net instead learns, once per style, to produce the stylised picture in one forward "
                              "pass; it is trained on many photos with the same perceptual loss as above. Instance "
                              "normalisation (Ulyanov et al. 2016) makes each image's contrast irrelevant; resizing "
                              "then convolving instead of transposed convolutions avoids checkerboard artifacts "
                              "(Odena et al. 2016). Our networks share their convolutions across styles and keep one "
                              "set of normalisation scales and shifts per style (conditional instance normalisation, "
                              "Dumoulin et al. 2017)."));

  notes_section("The loss network here", kHeading);
  ImGui::TextWrapped("%s", tr("No ImageNet-trained network can be shipped or downloaded here, so the loss network is "
                              "VGG-shaped and either has random weights, rescaled so every layer's mean activation is "
                              "1 (He, Wang & Hopcroft 2016 showed such networks already transfer style), or the same "
                              "shape trained by this playground's engine to tell apart crops of about 70 images. "
                              "docs/style-transfer.md has the measurements that chose the default."));

  notes_section("Keeping the content's colours (Gatys et al. 2017)", kHeading);
  ImGui::TextWrapped("%s", tr("Luminance only: optimise the brightness channel Y (of YIQ) alone and put back the "
                              "content's I and Q, so only the style's strokes carry over, not its palette. Histogram "
                              "matching: shift the style image's colours to the content's mean and covariance before "
                              "transfer."));
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
}
