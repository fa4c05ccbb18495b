// Demo `style`: neural style transfer, and why it works.
//   Optimise  Gatys et al. 2016: the output's pixels descend the perceptual loss
//             of a fixed loss network (L-BFGS or Adam), one iteration at a time;
//   Fast      Johnson et al. 2016: a feed-forward transform network per style,
//             and training one for your own style in the page;
//   Inside    feature maps and Gram matrices of content, style and output, and
//             the Gram matrix's blindness to where things are;
//   Notes     the formulas.
// Heavy work (an iteration costs tens to hundreds of milliseconds) runs as
// background jobs (demos/background_job.h), so the page keeps drawing.
#pragma once

#include <string>

#include "demos/assets.h"
#include "demos/demo.h"
#include "demos/i18n/tr.h"
#include "demos/rgb_image.h"
#include "demos/style_transfer/fast_panel.h"
#include "demos/style_transfer/gatys_run.h"
#include "demos/style_transfer/inside_panel.h"
#include "demos/style_transfer/style_images.h"

class StyleDemo : public Demo {
 public:
  const char* name() const override { return "style"; }
  const char* title() const override { return translatable("Neural style transfer"); }
  const char* explanation() const override;

  void declare_state(StateFields& fields) override;
  void state_loaded() override;
  void controls() override;
  void step(const StepBudget& budget) override;
  void draw() override;
  void report(DemoReport& out) const override;

  enum class View { Optimise, Fast, Inside, Notes };

  // For tests.
  const GatysRun& gatys() const { return gatys_; }
  const StyleImages& images() const { return images_; }

 private:
  GatysSettings gatys_settings() const;
  LossNetworkChoice loss_network_choice() const;
  bool loss_network_ready() const;  // the trained kind's weights have arrived
  void use_settings(const GatysSettings& settings);  // the loss settings of a preset
  void apply_preset(int preset);
  void take_user_files();
  void image_pickers();              // style_controls.cpp
  void optimise_controls();
  void draw_optimise_view();         // optimise_view.cpp
  void draw_picture(const char* caption, const RgbImage& image, int slot, float side);
  const char* image_caption(ImageSlot slot) const;  // a picture's name as shown
  void draw_notes_view();            // notes_view.cpp

  // URL state.
  int view_ = 0;
  std::string content_id_, style_id_;
  int size_ = 192;
  int network_ = 0, init_ = 0, optimizer_ = 0, colour_ = 0, content_layer_ = 0;
  float style_layer_weights_[4] = {1, 1, 1, 1};
  float content_weight_ = 1, style_weight_ = 100, tv_weight_ = 1, adam_rate_ = 0.02f;
  int max_iterations_ = 300, seed_ = 1;
  bool running_ = false;
  bool drops_to_style_ = false;  // where a dropped or opened file goes (not in the URL)

  AssetStatus loss_weights_;
  StyleImages images_;
  RgbImage content_picture_, style_picture_;
  unsigned pictures_version_ = ~0u;
  GatysRun gatys_;
  FastPanel fast_;
  InsidePanel inside_;
  std::string file_message_;
};
