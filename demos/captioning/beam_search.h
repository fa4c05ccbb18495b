// Decoding a caption from a step function: greedy, beam search (with an
// optional length normalisation) and sampling at a temperature.
//
// The search knows nothing of the model. A step function takes the previous
// token and the decoder's state (for an LSTM, its h and c flattened) and
// returns log-probabilities over the vocabulary and the next state. Decoding
// starts from <start> and an initial state, and a hypothesis ends when it
// emits <end> or reaches max_length generated tokens (<end> counted, <start> not).
//
// Beam search (as in Sutskever et al. 2014; Show and Tell, Vinyals et al. 2015):
// each step expands every live hypothesis by every word, ranks the expansions
// by summed log-probability and keeps the best `width`. A kept expansion that
// ends in <end> is finished and keeps its slot, so the live beam shrinks and
// width 1 is exactly greedy decoding. The search stops when no hypothesis is
// live or at max_length; the answer is the best finished or length-limited
// hypothesis by its score:
//   none:     the summed log-probability;
//   per_word: the sum divided by the length (generated tokens, <end> included);
//   gnmt:     the sum divided by ((5 + length) / 6)^alpha (Wu et al. 2016, eq. 14).
// Every partial hypothesis at a step has the same length, so normalisation
// changes only which finished hypothesis wins, never the pruning.
//
// Each step's kept hypotheses and its best pruned expansions are recorded for
// drawing the beam. Ties go to the earlier parent, then the lower word index,
// so the result is the same natively and in WebAssembly (sums are in double,
// in a fixed order; exp and log come from engine/det_math).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

struct DecoderStep {
  std::vector<float> log_probs;  // [vocabulary], each <= 0, summing (in probability) to 1
  std::vector<float> state;      // the decoder state after this token
};
using StepFunction = std::function<DecoderStep(int previous_token, const std::vector<float>& state)>;

enum class LengthNormalisation { none, per_word, gnmt };

struct DecodeOptions {
  int start_token = 1, end_token = 2;
  int max_length = 16;  // generated tokens, 1 to 64
  int beam_width = 3;   // 1 to 10
  LengthNormalisation normalisation = LengthNormalisation::none;
  double gnmt_alpha = 0.7;  // Wu et al.'s choice range is 0.6-0.7
  int pruned_to_record = -1;  // best pruned expansions kept per step for drawing; -1: beam_width
};

struct Hypothesis {
  std::vector<int> tokens;  // generated tokens, without <start>; ends with <end> when finished
  double log_prob = 0;      // summed log-probability of the tokens
  double score = 0;         // log_prob after length normalisation
  bool finished = false;    // ended with <end> (otherwise: cut at max_length)
  int parent = -1;          // index of its prefix in the previous step's kept list; -1 at the first step
};

struct BeamStep {
  std::vector<Hypothesis> kept;    // ranked best first; finished ones included
  std::vector<Hypothesis> pruned;  // the best expansions that did not make the beam
};

struct DecodeResult {
  std::string error;  // empty when the options and the step function were valid
  Hypothesis best;
  std::vector<Hypothesis> final_hypotheses;  // finished and length-limited, best score first
  std::vector<BeamStep> steps;               // beam search only
};

// The normalised score of a summed log-probability over `length` tokens.
double normalised_score(double log_prob, int length, LengthNormalisation normalisation, double gnmt_alpha);

DecodeResult greedy_decode(const StepFunction& step, const std::vector<float>& initial_state,
                           const DecodeOptions& options);
DecodeResult beam_search(const StepFunction& step, const std::vector<float>& initial_state,
                         const DecodeOptions& options);
// Draws each token from softmax(log_probs / temperature) (temperature > 0; see the
// softmax-temperature demo). best.log_prob is the model's own (temperature 1) log-probability.
DecodeResult sample_decode(const StepFunction& step, const std::vector<float>& initial_state,
                           const DecodeOptions& options, double temperature, uint64_t seed);
