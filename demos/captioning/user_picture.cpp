#include "demos/captioning/user_picture.h"

#include <algorithm>

#include "demos/captioning/scene.h"
#include "engine/data/image_loader.h"
#include "engine/data/image_resize.h"

bool make_user_picture(const std::string& name, const uint8_t* data, size_t size, UserPicture* picture,
                       std::string* error) {
  ImageResult loaded = load_image(data, size, 3);
  if (!loaded.ok) {
    *error = "your picture: " + loaded.error;
    return false;
  }
  const int height = loaded.image.dim(2), width = loaded.image.dim(3);
  // The long side becomes the scene's side, shrinking (area averaging) or growing (bilinear) as needed.
  const int longest = std::max(height, width);
  const int fit_height = std::max(1, (height * kSceneSize + longest / 2) / longest);
  const int fit_width = std::max(1, (width * kSceneSize + longest / 2) / longest);
  const Tensor fitted = resize_image(loaded.image, fit_height, fit_width);

  Tensor canvas(Shape{1, 3, kSceneSize, kSceneSize});  // zeros: the world's black background
  const int top = (kSceneSize - fit_height) / 2, left = (kSceneSize - fit_width) / 2;
  const int plane = kSceneSize * kSceneSize, fitted_plane = fit_height * fit_width;
  for (int c = 0; c < 3; ++c)
    for (int y = 0; y < fit_height; ++y)
      for (int x = 0; x < fit_width; ++x)
        canvas[c * plane + (top + y) * kSceneSize + left + x] = fitted[c * fitted_plane + y * fit_width + x];

  picture->image = std::move(canvas);
  picture->name = name;
  picture->width = width;
  picture->height = height;
  picture->note = loaded.note;
  return true;
}
