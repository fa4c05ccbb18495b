#include "demos/style_transfer/gatys_run.h"

#include <cstdio>

#include "demos/demo.h"
#include "demos/style_transfer/gatys_job.h"

#include <cstdio>

void GatysRun::launch(const GatysSettings& settings, const StyleImages& images, const Tensor* start_image,
                      const std::vector<uint8_t>& classifier_weights, int iterations_left) {
  GatysJobInput input;
  input.settings = settings;
  input.content = images.working(ImageSlot::Content);
  input.style = images.working(ImageSlot::Style);
  if (start_image) input.start_image = *start_image;
  input.classifier_weights = classifier_weights;
  input.max_iterations = iterations_left;
  task_.start("gatys", encode_gatys_input(input));
  first_message_time_ = -1;
  error_.clear();
}

namespace {

constexpr int kMessagesPerFrame = 4;

// What makes a new optimisation (pictures, size, start, network) and what only a new loss.
std::string start_key_of(const GatysSettings& s, unsigned pictures_version, size_t weights_size) {
  char key[128];
  std::snprintf(key, sizeof key, "%u|%d|%d|%llu|%d|%llu|%zu", pictures_version, s.resolution, static_cast<int>(s.init),
                static_cast<unsigned long long>(s.noise_seed), static_cast<int>(s.network),
                static_cast<unsigned long long>(s.network_seed), weights_size);
  return key;
}

std::string loss_key_of(const GatysSettings& s) {
  std::string key = s.loss.content_layer;
  char part[96];
  for (const StyleLayerWeight& layer : s.loss.style_layers) {
    std::snprintf(part, sizeof part, "|%s=%.6g", layer.layer.c_str(), static_cast<double>(layer.weight));
    key += part;
  }
  std::snprintf(part, sizeof part, "|%.6g|%.6g|%.6g|%d|%.6g|%d", static_cast<double>(s.loss.content_weight),
                static_cast<double>(s.loss.style_weight), static_cast<double>(s.loss.tv_weight),
                static_cast<int>(s.optimizer), static_cast<double>(s.adam_learning_rate), static_cast<int>(s.colour));
  return key + part;
}

}  // namespace

void GatysRun::update(const GatysSettings& settings, const StyleImages& images, bool running, int max_iterations,
                      const std::vector<uint8_t>& classifier_weights) {
  if (!images.ready()) return;
  std::string start_key = start_key_of(settings, images.version(), classifier_weights.size());
  std::string loss_key = loss_key_of(settings);
  if (start_key != start_key_ || restart_requested_) {
    // A new optimisation: new pictures, size, start or network.
    task_.cancel();
    start_key_ = start_key;
    loss_key_ = loss_key;
    restart_requested_ = false;
    iteration_ = iteration_offset_ = 0;
    content_loss_ = style_loss_ = tv_loss_ = 0;
    iterations_per_second_ = 0;
    finished_ = false;
    image_ = Tensor();
    curves_.clear();
    paused_ = true;  // launched below if running
  } else if (loss_key != loss_key_) {
    // The same optimisation with another loss: go on from the current picture.
    loss_key_ = loss_key;
    task_.cancel();
    finished_ = false;
    paused_ = true;
  }
  if (iteration_ >= max_iterations) finished_ = true;
  bool want = running && !finished_;
  if (want && paused_) {
    iteration_offset_ = iteration_;
    launch(settings, images, image_.empty() ? nullptr : &image_, classifier_weights, max_iterations - iteration_);
    paused_ = false;
  } else if (!want && !paused_) {
    task_.cancel();
    paused_ = true;
  }
  if (!paused_) take_messages(max_iterations);
}

void GatysRun::take_messages(int max_iterations) {
  Bytes message;
  // A few per frame: enough to keep up with a fast job (it waits when 16 are
  // queued), few enough that a synchronous run (tests) advances frame by frame.
  for (int taken = 0; taken < kMessagesPerFrame && task_.poll(&message); ++taken) {
    GatysProgress progress;
    std::string problem;
    if (!decode_gatys_progress(message, &progress, &problem)) {
      error_ = problem;
      task_.cancel();
      paused_ = true;
      return;
    }
    iteration_ = iteration_offset_ + progress.iteration;
    content_loss_ = progress.content_loss;
    style_loss_ = progress.style_loss;
    tv_loss_ = progress.tv_loss;
    curves_.add(content_loss_, style_loss_, tv_loss_);
    image_ = Tensor(Shape{1, 3, progress.height, progress.width});
    for (int i = 0; i < image_.size(); ++i) image_.data()[i] = static_cast<float>(progress.rgb[static_cast<size_t>(i)]) / 255.0f;
    set_rgb_image_from_planes(picture_, image_.data(), image_.dim(3), image_.dim(2));
    // Iterations since this job's first message over the time since then: messages
    // taken several to a frame must not count as iterations done in no time.
    double now = now_seconds();
    if (first_message_time_ < 0) {
      first_message_time_ = now;
      first_counted_iteration_ = iteration_;
    } else if (now > first_message_time_) {
      iterations_per_second_ = (iteration_ - first_counted_iteration_) / (now - first_message_time_);
    }
    if (iteration_ >= max_iterations) {
      finished_ = true;
      task_.cancel();
      paused_ = true;
      return;
    }
  }
  if (!task_.error().empty()) {
    error_ = task_.error();
    paused_ = true;
  } else if (!task_.running()) {
    finished_ = true;  // the job stopped by itself: converged
    paused_ = true;
  }
}
