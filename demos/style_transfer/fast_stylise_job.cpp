#include "demos/style_transfer/fast_stylise_job.h"

#include <memory>
#include <mutex>

#include "demos/demo.h"
#include "engine/io/crc32.h"
#include "engine/io/tensor_bytes.h"
#include "engine/io/weights.h"

namespace {

constexpr size_t kMaxWeightsBytes = size_t{16} << 20;
constexpr uint64_t kMaxPictureValues = 3 * 1024 * 1024;
constexpr uint32_t kMaxStyles = 64;
const char* const kFormat = "fast stylise";

void put_shape(Bytes& out, const TransformNetworkShape& s) {
  for (int v : {s.styles, s.width1, s.width2, s.width3, s.residual_blocks, s.outer_kernel})
    put_u32(out, static_cast<uint32_t>(v));
}

bool read_shape(ByteReader& in, TransformNetworkShape& s) {
  uint32_t v[6];
  for (uint32_t& x : v)
    if (!in.u32(x, "network shape")) return false;
  for (uint32_t x : v)
    if (x > 4096) {
      in.error = "fast stylise: implausible network shape";
      return false;
    }
  s.styles = static_cast<int>(v[0]), s.width1 = static_cast<int>(v[1]), s.width2 = static_cast<int>(v[2]);
  s.width3 = static_cast<int>(v[3]), s.residual_blocks = static_cast<int>(v[4]);
  s.outer_kernel = static_cast<int>(v[5]);
  return true;
}

// The last network loaded, kept while the same weights come again: a user
// dragging the strength slider restyles the same picture many times.
struct CachedNetwork {
  TransformNetworkShape shape;
  uint32_t crc = 0;
  size_t size = 0;
  std::shared_ptr<TransformNetwork> network;
};
std::mutex g_mutex;
CachedNetwork g_cache;

std::shared_ptr<TransformNetwork> network_for(const FastStyliseRequest& r, std::string* error) {
  std::string problem = r.shape.problem();
  if (!problem.empty()) {
    *error = "fast stylise: " + problem;
    return nullptr;
  }
  uint32_t crc = crc32(r.weights.data(), r.weights.size());
  std::lock_guard<std::mutex> lock(g_mutex);
  if (g_cache.network && g_cache.shape == r.shape && g_cache.crc == crc && g_cache.size == r.weights.size())
    return g_cache.network;
  auto network = std::make_shared<TransformNetwork>(r.shape, 1);
  LoadResult loaded = load_weights(r.weights.data(), r.weights.size(), network->parameters());
  if (!loaded.ok) {
    *error = loaded.error;
    return nullptr;
  }
  g_cache = CachedNetwork{r.shape, crc, r.weights.size(), network};
  return network;
}

class FastStyliseJob : public BackgroundJob {
 public:
  bool start(const Bytes& input, std::string* error) override {
    ByteReader in(input.data(), input.size(), kFormat);
    uint32_t styles = 0;
    bool ok = read_shape(in, request_.shape) && read_blob(in, request_.weights, "weights", kMaxWeightsBytes) &&
              in.u32(styles, "style count");
    if (ok && styles > kMaxStyles) {
      in.error = "fast stylise: too many styles";
      ok = false;
    }
    request_.style_weights.assign(ok ? styles : 0, 0.0f);
    for (float& w : request_.style_weights) ok = ok && read_f32(in, w, "style weight");
    ok = ok && read_f32(in, request_.strength, "strength") &&
         read_tensor(in, request_.content, "content", kMaxPictureValues);
    if (!ok) *error = in.error;
    return ok;
  }

  bool step(Bytes* message) override {
    std::string error;
    std::shared_ptr<TransformNetwork> network = network_for(request_, &error);
    StyliseResult result;
    double started = now_seconds();
    if (network) result = stylise(*network, request_.content, request_.style_weights, request_.strength);
    double milliseconds = (now_seconds() - started) * 1000.0;
    if (network && !result.ok) error = result.error;
    put_u8(*message, error.empty() ? 1 : 0);
    if (!error.empty()) {
      put_string(*message, error);
      return false;
    }
    put_f32(*message, static_cast<float>(milliseconds));
    put_tensor(*message, result.image);
    return false;  // one message: the picture
  }

 private:
  FastStyliseRequest request_;
};

}  // namespace

Bytes encode_fast_stylise_request(const FastStyliseRequest& r) {
  Bytes out;
  put_shape(out, r.shape);
  put_blob(out, r.weights.data(), r.weights.size());
  put_u32(out, static_cast<uint32_t>(r.style_weights.size()));
  for (float w : r.style_weights) put_f32(out, w);
  put_f32(out, r.strength);
  put_tensor(out, r.content);
  return out;
}

bool decode_fast_stylise_result(const Bytes& message, FastStyliseResult* result, std::string* error) {
  ByteReader in(message.data(), message.size(), kFormat);
  uint32_t ok = 0;
  float milliseconds = 0;
  if (!in.u8(ok, "status")) {
    *error = in.error;
    return false;
  }
  if (!ok) {
    if (!read_string(in, *error, "message", 4096)) *error = in.error;
    // A failure always says why, even one the job sent without a message (found by tests/fuzz/fuzz_jobs).
    if (error->empty()) *error = "fast stylise: the job failed without saying why";
    return false;
  }
  if (!read_f32(in, milliseconds, "time") || !read_tensor(in, result->image, "image", kMaxPictureValues)) {
    *error = in.error;
    return false;
  }
  result->milliseconds = milliseconds;
  return true;
}

std::unique_ptr<BackgroundJob> make_fast_stylise_job() { return std::make_unique<FastStyliseJob>(); }
