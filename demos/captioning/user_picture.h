// Your own picture for the captioner (issue 12, part 8): any image file the
// bounded loader accepts (engine/data/image_loader.h), shrunk with area
// averaging so its long side fits the 64 x 64 scene, keeping its shape, and
// centred on the scene world's black background. The captioner then reads it
// as it reads a scene; it knows only that world, and the demo says so.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "engine/tensor.h"

struct UserPicture {
  Tensor image;                // [1, 3, 64, 64] in [0, 1], what the captioner reads
  std::string name;            // the file's name as the user gave it
  int width = 0, height = 0;   // the file's own size
  std::string note;            // what the loader wants the user to know (e.g. an animated GIF), or empty
};

// False with *error ("your picture: ...") on a file that is not a usable image.
bool make_user_picture(const std::string& name, const uint8_t* data, size_t size, UserPicture* picture,
                       std::string* error);
