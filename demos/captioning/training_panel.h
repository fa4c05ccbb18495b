// The captioning demo's Train tab (issue 12, part 5), hosted by the demo:
// train either captioner in the page, from its seeded initialisation or on
// from the shipped weights, in the background (caption_train_job.h), with the
// loss per step and BLEU-4 of a fixed test sample drawn as they arrive. The
// newest weights can caption the Caption tab's scene while training goes on.
// URL keys start with t_.
#pragma once

#include <string>
#include <vector>

#include "demos/background_job.h"
#include "demos/bounded_history.h"
#include "demos/demo.h"

class TrainingPanel {
 public:
  void declare_state(StateFields& fields);
  // Moves the job's messages into the curves (a few per frame); asks for the
  // assets the job needs only once the user starts.
  void step();
  // `caption`: the Caption tab's caption of the current scene, shown for comparison.
  void draw(const std::string& caption);
  void report(DemoReport& out) const;  // train.step, train.steps, train.loss, train.bleu4, train.running

  // Asks for a run with the settings in the URL (t_run=1, so a link can start
  // one); the next step() launches it once the items and, when going on from
  // them, the shipped weights have arrived. stop() cancels at once.
  void start() { run_ = true; }
  void stop() { run_ = false; }
  bool running() const { return launched_; }  // from the request until the last message or a stop

  // The newest weights the training sent: a DLPW of one model (the index is
  // CaptionModels::kAttention or kShowTell); the version bumps with each.
  const Bytes& weights() const { return weights_; }
  int weights_model() const { return weights_model_; }
  unsigned weights_version() const { return weights_version_; }
  bool use_trained() const { return use_trained_; }
  void set_use_trained(bool on) { use_trained_ = on; }

  // For tests: the curves as received.
  const std::vector<float>& losses() const { return losses_.points(); }
  const std::vector<float>& bleu_steps() const { return bleu_steps_; }
  const std::vector<float>& bleu_values() const { return bleu_values_; }
  const std::string& error() const { return error_; }

 private:
  void begin();   // a new run: the curves cleared, the assets asked for
  void launch();  // once the assets are ready

  // URL state.
  int model_ = 0;  // CaptionModels::kAttention, kShowTell
  int from_ = 1;   // 0: from scratch, 1: from the shipped weights
  int steps_ = 200;
  int batch_ = 8;
  float learning_rate_ = 1e-3f;
  float penalty_ = 0.02f;
  int seed_ = 1;
  int evaluate_every_ = 20;
  int evaluate_scenes_ = 20;

  bool run_ = false;  // t_run: what the user asked for

  BackgroundTask task_;
  bool launched_ = false;
  bool waiting_for_assets_ = false;
  int launched_model_ = 0;
  int step_ = 0, total_ = 0;
  BoundedHistory<float> losses_{2000};           // cross-entropy per step, evenly thinned when long
  float last_loss_ = 0;                          // the newest step's
  std::vector<float> bleu_steps_, bleu_values_;  // BLEU-4 of the sample, at the steps it was measured
  Bytes weights_;
  int weights_model_ = 0;
  unsigned weights_version_ = 0;
  bool use_trained_ = true;
  std::string error_;
  double started_at_ = 0;  // for steps/s on screen only
};
