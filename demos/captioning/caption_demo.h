// Demo `caption`: captioning little scenes of Fashion-MNIST items.
//   Caption    the scene editor (drag, add, remove, recolour), the caption as a
//              strip of words each with its attention map (Xu et al. 2015,
//              Fig. 3), the beam drawn step by step, BLEU against the scene's
//              references, and both models' test-set BLEU-4 side by side;
//   Train      either captioner trained in the page, in the background;
//   Retrieval, VQA  the joint-embedding and question-answering tabs;
//   Notes      the formulas.
// Decoding a caption takes milliseconds, so it runs whenever the scene or a
// setting changes; the test-set scores decode hundreds of scenes and are
// time-sliced a scene at a time within the frame's budget.
#pragma once

#include <string>
#include <vector>

#include "demos/captioning/bleu.h"
#include "demos/captioning/caption_decoding.h"
#include "demos/captioning/caption_models.h"
#include "demos/captioning/retrieval_panel.h"
#include "demos/captioning/scene.h"
#include "demos/captioning/test_set_scores.h"
#include "demos/captioning/training_panel.h"
#include "demos/captioning/user_picture.h"
#include "demos/captioning/vqa_panel.h"
#include "demos/demo.h"
#include "demos/i18n/tr.h"
#include "demos/rgb_image.h"

class CaptionDemo : public Demo {
 public:
  CaptionDemo();
  const char* name() const override { return "caption"; }
  const char* title() const override { return translatable("Image captioning"); }
  const char* explanation() const override;

  void declare_state(StateFields& fields) override;
  void state_loaded() override;
  void controls() override;
  void step(const StepBudget& budget) override;
  void draw() override;
  void report(DemoReport& out) const override;

  enum class View { Caption, Train, Retrieval, Vqa, Notes };

  // The editor's actions, also used by tests: a drag of object `index` to
  // the corner (x, y) in scene pixels. Returns "" or why it was refused.
  std::string drop_object(int index, int x, int y);
  std::string add_object();
  std::string remove_object(int index);
  void set_object_class(int index, int item_class);
  void set_object_colour(int index, int colour);
  void new_random_scene();
  // Your own picture: captioned instead of the scene until back_to_scene().
  // Returns "" or why the file was refused (the scene then stays as it was).
  std::string open_picture(const std::string& name, const std::vector<uint8_t>& bytes);
  void back_to_scene();
  bool showing_picture() const { return picture_shown_; }
  void show_word(int word) { word_ = word; }  // pins a word's map over the scene (-1: none)

  // For tests.
  bool ready() const { return items_ready_; }
  const Scene& scene() const { return scene_; }
  const CaptionResult& caption() const { return caption_; }
  const std::vector<std::string>& references() const { return references_; }
  const std::string& message() const { return edit_message_; }
  const TestSetScores& scores() const { return scores_; }
  TrainingPanel& training() { return training_; }

 private:
  void load_items();
  void sync_scene();    // the URL's split, seed and objects -> scene_
  void scene_edited();  // scene_ -> the URL's objects text
  void sync_caption();  // decodes again when the scene, model or settings changed
  void sync_scores();
  void sync_training();  // the Train tab's messages, and its weights into models_
  DecodeSettings decode_settings() const;
  CaptionSource source_for(int model, const Scene& scene) const;
  int shown_word() const;
  std::string caption_text() const;  // the caption's words joined by spaces  // hovered, else pinned; -1: none

  // Views, one file each.
  void draw_caption_view();
  void draw_caption_view_stacked(float width);
  float object_list_width() const;  // one row of draw_object_list()
  void draw_scene_editor(float side);        // scene_editor_view.cpp
  void draw_object_list();
  void draw_picture_panel();                 // instead of the object list while your picture is shown
  void take_user_files();                    // files opened, dropped or pasted (demos/user_files.h)
  void draw_caption_strip();                 // caption_strip_view.cpp
  void draw_bleu();
  void draw_beam_view();                     // beam_view.cpp
  void draw_scores();                        // scores_view.cpp
  void draw_notes_view();                    // notes_view.cpp

  // The joint-embedding and question-answering tabs (their own URL keys, r_ and q_).
  RetrievalPanel retrieval_;
  VqaPanel vqa_;
  TrainingPanel training_;  // the Train tab (its URL keys start with t_)
  unsigned trained_version_ = 0;  // the training's weights CaptionModels holds

  // URL state.
  int view_ = 0;
  int split_ = 0;  // test, held-out
  int seed_ = 1;
  std::string objects_;  // edited objects (scene_edits.h); empty: the seed's scene
  int model_ = 0;        // CaptionModels::kAttention, kShowTell
  int method_ = 1;       // greedy, beam, sample
  int beam_width_ = 3;
  int normalisation_ = 0;  // none, per_word, gnmt
  float temperature_ = 1;
  int sample_seed_ = 1;
  int word_ = -1;  // the pinned word whose map covers the scene
  int score_scenes_ = 100;
  int score_decode_ = 0;  // the scores' decoding: greedy, or as set in the controls
  int beam_steps_shown_ = 0;  // the beam view shows steps 1..this; 0: all

  // The world.
  SceneItems items_;
  bool items_ready_ = false;
  std::string items_error_;
  float items_progress_ = 0;
  Scene scene_;
  std::string scene_key_;
  RgbImage scene_picture_;
  Tensor scene_image_;
  std::string edit_message_;

  // Your own picture (not in the URL: it stays on this device).
  UserPicture picture_;
  bool picture_shown_ = false;
  unsigned pictures_opened_ = 0;  // part of the scene key, so each picture is decoded afresh
  std::string picture_message_;   // why the last file was refused, or the loader's note

  // The caption.
  CaptionModels models_;
  CaptionResult caption_;
  std::string caption_key_;
  double caption_ms_ = 0;
  bool preview_ = false;  // the caption is a greedy preview while dragging
  std::vector<std::string> references_;
  BleuScore bleu_[4];  // BLEU-1..4 of the caption, smoothed (bleu.h)
  std::vector<RgbImage> word_maps_;  // one thumbnail per word
  unsigned word_maps_version_ = 0;

  TestSetScores scores_;
  std::string scores_key_;

  // The editor's interaction (not in the URL).
  int dragging_ = -1;
  float drag_dx_ = 0, drag_dy_ = 0;  // the grab point inside the box, scene pixels
  bool drag_blocked_ = false;        // the pointer's place would overlap
  Box drag_ghost_;
  int hovered_word_ = -1;
  int selected_object_ = 0;
  std::vector<std::vector<double>> word_centres_;
  std::vector<double> scene_rect_;  // the big scene's screen corner and pixels per scene pixel, for browser tests  // screen positions of the word chips, for browser tests
};
