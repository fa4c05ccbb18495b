// Both captioners in one DLPW file (engine/io/weights.h): the Show and Tell
// model's tensors are named "show_tell.*", the attention model's
// "attention.*", so one file and one checksum hold the pair. Loading is
// all-or-nothing across both models: a corrupt, truncated or mismatched file
// leaves both as they were and says why.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "demos/captioning/captioner.h"
#include "engine/io/weights.h"

// The seed the shipped models were initialised from (tools/train_captioner.cpp).
constexpr uint64_t kCaptionerSeed = 12;

std::vector<uint8_t> save_captioners(const Captioner& show_tell, const Captioner& attention);

// error starts "caption weights: " when !ok.
LoadResult load_captioners(const uint8_t* data, size_t size, Captioner& show_tell, Captioner& attention);
// One model's tensors alone (what the in-page training sends, caption_train_job.h).
std::vector<uint8_t> save_captioner(const Captioner& model);
// "" or why they do not fit this model (a model of the other kind refuses them); the model is then untouched.
std::string load_captioner(const std::vector<uint8_t>& weights, Captioner& model);

LoadResult load_captioners_file(const std::string& path, Captioner& show_tell, Captioner& attention);
