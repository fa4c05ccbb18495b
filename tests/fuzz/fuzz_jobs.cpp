// The background jobs' byte formats (demos/background_job.h): what the page
// sends a job and what a job sends back, read by the captioning and style
// demos' decoders. The first byte picks the decoder; the rest is the bytes.
// Decoding never crashes; where the demo has an encoder, an accepted input
// encodes, decodes again, and encodes to the same bytes (one round trip
// reaches the format's one spelling).
#include <cstddef>
#include <cstdint>
#include <string>

#include "demos/captioning/caption_train_job.h"
#include "demos/style_transfer/fast_stylise_job.h"
#include "demos/style_transfer/fast_train_job.h"
#include "demos/style_transfer/gatys_job.h"
#include "demos/style_transfer/inside_job.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

// decode -> encode -> decode -> encode gives the same bytes twice.
template <typename Value, typename Decode, typename Encode>
void round_trip(const Bytes& bytes, Decode decode, Encode encode) {
  Value value;
  std::string error;
  if (!decode(bytes, &value, &error)) {
    FUZZ_CHECK(!error.empty());
    return;
  }
  const Bytes once = encode(value);
  Value again;
  FUZZ_CHECK(decode(once, &again, &error));
  FUZZ_CHECK(encode(again) == once);
}

// Requests the jobs decode in start() (their decoders are private to the job).
void start_job(const Bytes& bytes, std::unique_ptr<BackgroundJob> job) {
  std::string error;
  if (!job->start(bytes, &error)) FUZZ_CHECK(!error.empty());
}

template <typename Value, typename Decode>
void decode_only(const Bytes& bytes, Decode decode) {
  Value value;
  std::string error;
  if (!decode(bytes, &value, &error)) FUZZ_CHECK(!error.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const Bytes bytes(data + 1, data + size);
  switch (data[0] % 10) {
    case 0: round_trip<CaptionTrainInput>(bytes, decode_caption_train_input, encode_caption_train_input); break;
    case 1: round_trip<CaptionTrainMessage>(bytes, decode_caption_train_message, encode_caption_train_message); break;
    case 2: round_trip<FastTrainInput>(bytes, decode_fast_train_input, encode_fast_train_input); break;
    case 3: round_trip<FastTrainMessage>(bytes, decode_fast_train_message, encode_fast_train_message); break;
    case 4: round_trip<GatysJobInput>(bytes, decode_gatys_input, encode_gatys_input); break;
    case 5: round_trip<GatysProgress>(bytes, decode_gatys_progress, encode_gatys_progress); break;
    case 6: start_job(bytes, make_fast_stylise_job()); break;
    case 7: decode_only<FastStyliseResult>(bytes, decode_fast_stylise_result); break;
    case 8: start_job(bytes, make_inside_job()); break;
    case 9: decode_only<InsideAnalysis>(bytes, decode_inside_analysis); break;
  }
  return 0;
}
