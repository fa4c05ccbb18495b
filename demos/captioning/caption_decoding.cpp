#include "demos/captioning/caption_decoding.h"

#include "demos/captioning/vocabulary.h"

CaptionResult decode_caption(const CaptionSource& source, const DecodeSettings& settings) {
  CaptionResult result;
  const AttendingStep attending = source.step;
  const StepFunction step = [attending](int token, const std::vector<float>& state) {
    return attending(token, state, nullptr);
  };
  DecodeOptions options;
  options.start_token = kStart;
  options.end_token = kEnd;
  options.max_length = settings.max_length;
  options.beam_width = settings.beam_width;
  options.normalisation = settings.normalisation;
  DecodeResult decoded;
  switch (settings.method) {
    case DecodeMethod::greedy: decoded = greedy_decode(step, source.initial_state, options); break;
    case DecodeMethod::beam: decoded = beam_search(step, source.initial_state, options); break;
    case DecodeMethod::sample:
      decoded = sample_decode(step, source.initial_state, options, settings.temperature, settings.seed);
      break;
  }
  if (!decoded.error.empty()) {
    result.error = decoded.error;
    return result;
  }
  result.log_prob = decoded.best.log_prob;
  result.finished = decoded.best.finished;
  result.steps = std::move(decoded.steps);
  result.final_hypotheses = std::move(decoded.final_hypotheses);
  for (int token : decoded.best.tokens)
    if (token != kEnd) result.tokens.push_back(token);
  for (int token : result.tokens) result.words.push_back(Vocabulary::captions().word(token));

  // Replay the chosen words to read each one's attention map.
  std::vector<float> state = source.initial_state;
  int previous = kStart;
  bool attends = true;
  for (int token : result.tokens) {
    std::vector<float> weights;
    DecoderStep out = attending(previous, state, &weights);
    if (weights.empty()) attends = false;
    if (!attends) break;
    result.attention.push_back(std::move(weights));
    state = std::move(out.state);
    previous = token;
  }
  if (!attends) result.attention.clear();
  return result;
}
