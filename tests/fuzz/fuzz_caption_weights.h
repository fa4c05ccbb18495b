// The captioners the caption-weights target and its seed share: both models
// at a tiny size, so a seed file is a few KB and a load is quick.
#pragma once

#include "demos/captioning/captioner.h"

inline CaptionerSize tiny_captioner_size() {
  CaptionerSize size;
  size.embedding = 4;
  size.hidden = 4;
  size.attention = 4;
  size.encoder.conv1 = 2;
  size.encoder.conv2 = 2;
  size.encoder.conv3 = 2;
  size.encoder.depth = 4;
  return size;
}
