#include "demos/style_transfer/style_images.h"

#include <algorithm>
#include <cstring>

#include "demos/assets.h"
#include "demos/i18n/tr.h"
#include "demos/style_transfer/image_catalog.h"
#include "engine/data/image_resize.h"

namespace {

// Pictures are kept at most this large, so any working size (up to 512) is a downscale.
constexpr int kKeptSide = 512;

// The central h x w window of image [1, C, H, W].
Tensor crop_center(const Tensor& image, int h, int w) {
  int c = image.dim(1), H = image.dim(2), W = image.dim(3);
  int top = (H - h) / 2, left = (W - w) / 2;
  Tensor out(Shape{1, c, h, w});
  for (int k = 0; k < c; ++k)
    for (int y = 0; y < h; ++y)
      std::memcpy(out.data() + (k * h + y) * w, image.data() + (k * H + y + top) * W + left,
                  sizeof(float) * static_cast<size_t>(w));
  return out;
}

}  // namespace

Tensor fit_working_size(const Tensor& image, int side) {
  Tensor fitted = resize_to_fit(image, side);
  int h = fitted.dim(2), w = fitted.dim(3);
  if (h < 16 || w < 16) {  // a very long, thin picture: stretch its short side to 16
    fitted = resize_image(image, std::max(h, 16), std::max(w, 16));
    h = fitted.dim(2), w = fitted.dim(3);
  }
  return crop_center(fitted, h - h % 4, w - w % 4);
}

void StyleImages::select(const std::string& content_id, const std::string& style_id, int working_size) {
  wanted_id_[0] = content_id;
  wanted_id_[1] = style_id;
  working_size_ = working_size;
}

void StyleImages::rebuild(int slot) {
  if (original_[slot].empty()) return;
  working_[slot] = fit_working_size(original_[slot], working_size_);
  built_size_[slot] = working_size_;
  ++version_;
}

void StyleImages::update() {
  progress_ = 1;
  for (int slot = 0; slot < 2; ++slot) {
    if (!user_[slot] && loaded_id_[slot] != wanted_id_[slot]) {
      const CatalogImage* entry = find_catalog_image(wanted_id_[slot]);
      if (!entry) {
        message_ = i18n::format(tr("No built-in image called \"%s\"."), wanted_id_[slot].c_str());
        loaded_id_[slot] = wanted_id_[slot];
        continue;
      }
      ImageResult decoded;
      if (entry->procedural) {
        decoded.ok = true;
        decoded.image = paint_catalog_image(*entry, kStyleAssetMaxSide, 1);
      } else {
        AssetStatus status = request_asset(catalog_asset_path(*entry));
        if (status.state == AssetStatus::State::Loading) {
          progress_ = std::min(progress_, status.progress);
          continue;
        }
        if (status.state == AssetStatus::State::Failed) {
          message_ = status.error;
          loaded_id_[slot] = wanted_id_[slot];
          continue;
        }
        decoded = working_image(status.bytes->data(), status.bytes->size(), kKeptSide);
      }
      loaded_id_[slot] = wanted_id_[slot];
      if (!decoded.ok) {
        message_ = decoded.error;
        continue;
      }
      original_[slot] = decoded.image;
      label_[slot] = entry->title;
      rebuild(slot);
    } else if (built_size_[slot] != working_size_) {
      rebuild(slot);
    }
  }
}

void StyleImages::use_builtin(ImageSlot which) {
  int slot = static_cast<int>(which);
  if (!user_[slot]) return;
  user_[slot] = false;
  loaded_id_[slot].clear();  // decode the built-in again at the next update()
}

bool StyleImages::use_file(ImageSlot which, const std::string& name, const uint8_t* data, size_t size) {
  int slot = static_cast<int>(which);
  ImageResult decoded = working_image(data, size, kKeptSide);
  if (!decoded.ok) {
    message_ = name + ": " + decoded.error + " " + tr("The current pictures are kept.");  // the loader's detail stays English
    return false;
  }
  original_[slot] = decoded.image;
  user_[slot] = true;
  label_[slot] = name;
  message_.clear();
  rebuild(slot);
  return true;
}
