// The style demo's two input pictures, content and style, at the working size.
//
// Each comes from the built-in catalogue (an asset fetched on first use, or a
// procedural style drawn by our code) or from the user's own file. A bad file
// gets a message and leaves the current pictures as they were. A user's file
// cannot live in the URL: the URL keeps the built-in id, and the picture is
// marked as the user's until another is chosen.
#pragma once

#include <string>

#include "engine/tensor.h"

enum class ImageSlot { Content = 0, Style = 1 };

class StyleImages {
 public:
  // Chooses the built-in images named by the URL and the working size (the
  // longer side, in pixels). Cheap when nothing changed.
  void select(const std::string& content_id, const std::string& style_id, int working_size);
  // Advances asset loading and decoding; call once a frame.
  void update();
  // The user's file (PNG, JPEG, ...) replaces `slot`. False, with message(), on a bad file.
  bool use_file(ImageSlot slot, const std::string& name, const uint8_t* data, size_t size);
  // Back to the built-in picture the URL names (after a user's file).
  void use_builtin(ImageSlot slot);

  bool ready() const { return !working_[0].empty() && !working_[1].empty(); }
  // [1, 3, H, W] in [0, 1], the longer side = the working size, H and W multiples of 4.
  const Tensor& working(ImageSlot slot) const { return working_[static_cast<int>(slot)]; }
  // Changes whenever either working picture changes (for restarting what depends on them).
  unsigned version() const { return version_; }
  bool from_user(ImageSlot slot) const { return user_[static_cast<int>(slot)]; }
  const std::string& label(ImageSlot slot) const { return label_[static_cast<int>(slot)]; }
  float loading_progress() const { return progress_; }  // 0..1 while an asset downloads
  const std::string& message() const { return message_; }  // the latest problem, or ""

 private:
  void rebuild(int slot);

  std::string wanted_id_[2], loaded_id_[2];
  int working_size_ = 0, built_size_[2] = {0, 0};
  Tensor original_[2];  // decoded, full size
  Tensor working_[2];
  bool user_[2] = {false, false};
  std::string label_[2];
  unsigned version_ = 0;
  float progress_ = 1;
  std::string message_;
};

// Resizes to fit `side` on the longer edge, with both sides multiples of 4
// (the transform network halves twice) and at least 16 (the loss network's minimum).
Tensor fit_working_size(const Tensor& image, int side);
