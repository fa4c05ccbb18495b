// Decoding one caption for the page: the chosen method (greedy, beam,
// sampling) over a model's step function, then the best caption replayed once
// to collect each word's attention map (Xu et al. 2015, Fig. 3: the map
// shown with a word is the one computed while predicting it).
//
// The model is reached only through an AttendingStep, so the page and its
// tests work with any step function.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "demos/captioning/beam_search.h"

// One decoder step; fills *attention with the step's weights over the image
// cells when the model attends (left empty otherwise).
using AttendingStep =
    std::function<DecoderStep(int previous_token, const std::vector<float>& state, std::vector<float>* attention)>;

// What decoding needs from a model for one image.
struct CaptionSource {
  AttendingStep step;
  std::vector<float> initial_state;
};

enum class DecodeMethod { greedy, beam, sample };

struct DecodeSettings {
  DecodeMethod method = DecodeMethod::beam;
  int beam_width = 3;  // 1-10
  LengthNormalisation normalisation = LengthNormalisation::none;
  double temperature = 1;  // sampling only
  uint64_t seed = 1;       // sampling only
  int max_length = 17;     // the grammar's 16 words and <end>
};

struct CaptionResult {
  std::string error;                           // bad settings or a bad step function
  std::vector<int> tokens;                     // the words, without <end>
  std::vector<std::string> words;              // the same, as text
  bool finished = false;                       // ended with <end> (not cut at max_length)
  double log_prob = 0;                         // summed over the words and <end>
  std::vector<std::vector<float>> attention;   // per word: its weights over the cells; empty without attention
  std::vector<BeamStep> steps;                 // beam search's recorded steps
  std::vector<Hypothesis> final_hypotheses;    // beam search's candidates, best first
};

CaptionResult decode_caption(const CaptionSource& source, const DecodeSettings& settings);
