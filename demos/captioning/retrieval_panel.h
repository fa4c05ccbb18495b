// The captioning demo's Retrieval tab (issue 12, section 6), hosted by the
// demo: type a caption to get the five closest test scenes with their cosine
// scores, pick a test scene to get the closest captions (among the test
// scenes' canonical captions), and the caption -> scene Recall@1 and @5 on
// the test split. The joint embedding is joint_embedding.h; weights load
// lazily (joint_vqa_loader.h). URL keys start with r_.
#pragma once

#include <string>
#include <vector>

#include "demos/captioning/joint_vqa_loader.h"
#include "demos/demo.h"
#include "demos/rgb_image.h"

class RetrievalPanel {
 public:
  static constexpr size_t kMaxQueryLength = 300;  // characters; the tokeniser also cuts at 32 words
  static constexpr int kTopK = 5;

  struct SceneHit {
    int scene = 0;  // test scene index
    float score = 0;  // cosine similarity
  };
  struct CaptionHit {
    std::string caption;
    float score = 0;
    bool true_of_scene = false;  // one of the picked scene's reference captions
  };

  void declare_state(StateFields& fields);  // r_query, r_scene
  // Loading and evaluation only while the tab is shown; searches once ready. Never past the budget.
  void step(const StepBudget& budget, bool active = true);
  void draw();
  void report(DemoReport& out) const;  // retrieval.recall_at_1, retrieval.recall_at_5

  void set_query(const std::string& text) { query_ = text; }
  void set_scene(int scene) { scene_ = scene; }
  const std::vector<SceneHit>& scene_hits() const { return scene_hits_; }
  const std::vector<CaptionHit>& caption_hits() const { return caption_hits_; }
  const std::string& query_notice() const { return query_notice_; }
  JointVqaLoader& loader() { return loader_; }

 private:
  void search_scenes();
  void search_captions();
  const RgbImage& thumbnail(int scene);

  JointVqaLoader loader_;
  std::string query_ = "a red bag left of a blue shirt";
  int scene_ = 0;
  std::string searched_query_;
  int searched_scene_ = -1;
  bool searched_ = false;
  std::vector<SceneHit> scene_hits_;
  std::vector<CaptionHit> caption_hits_;
  std::string query_notice_;
  char query_buffer_[kMaxQueryLength + 1] = {};
  std::string buffer_shows_;
  std::vector<RgbImage> thumbnails_;
};
