#include "demos/style_transfer/inside_job.h"

#include <algorithm>
#include <cmath>

#include "demos/i18n/tr.h"
#include "engine/io/tensor_bytes.h"
#include "demos/style_transfer/inside_network.h"

namespace {

constexpr uint64_t kMaxPictureValues = 3 * 1024 * 1024;
const char* const kFormat = "inside";

void put_floats(Bytes& out, const std::vector<float>& values) {
  put_u32(out, static_cast<uint32_t>(values.size()));
  for (float v : values) put_f32(out, v);
}

bool read_floats(ByteReader& in, std::vector<float>& values, const char* what) {
  uint32_t count;
  if (!in.u32(count, what)) return false;
  if (count > kMaxPictureValues || 4ull * count > in.remaining()) {
    in.error = std::string(what) + ": bad length " + std::to_string(count);
    return false;
  }
  values.resize(count);
  for (float& v : values)
    if (!read_f32(in, v, what)) return false;
  return true;
}

FeatureMaps features_at(LossNetwork& network, int layer, const Tensor& picture, std::string* error) {
  if (layer > 0) return layer_feature_maps(network, picture, inside_layer_names()[static_cast<size_t>(layer)], error);
  FeatureMaps pixels;  // layer 0: the picture's own three channels
  pixels.channels = picture.dim(1), pixels.height = picture.dim(2), pixels.width = picture.dim(3);
  pixels.values = picture.to_vector();
  return pixels;
}

InsidePicture describe(const FeatureMaps& features, int channel) {
  InsidePicture p;
  p.present = true;
  p.channels = features.channels;
  p.height = features.height;
  p.width = features.width;
  size_t plane = static_cast<size_t>(p.height) * static_cast<size_t>(p.width);
  size_t c = static_cast<size_t>(std::clamp(channel, 0, p.channels - 1));
  p.map.assign(features.values.begin() + static_cast<std::ptrdiff_t>(c * plane),
               features.values.begin() + static_cast<std::ptrdiff_t>((c + 1) * plane));
  p.gram = gram_of(features).values;
  return p;
}

class InsideJob : public BackgroundJob {
 public:
  bool start(const Bytes& input, std::string* error) override {
    ByteReader in(input.data(), input.size(), kFormat);
    uint32_t layer, channel, seed_low, seed_high;
    bool ok = read_loss_network_choice(in, request_.network) && in.u32(layer, "layer") &&
              in.u32(channel, "channel") && in.u32(seed_low, "seed") && in.u32(seed_high, "seed");
    for (Tensor& picture : request_.pictures) ok = ok && read_tensor(in, picture, "picture", kMaxPictureValues);
    if (!ok) {
      *error = in.error;
      return false;
    }
    request_.layer = static_cast<int>(layer);
    request_.channel = static_cast<int>(channel);
    request_.shuffle_seed = uint64_t{seed_high} << 32 | seed_low;
    return true;
  }

  bool step(Bytes* message) override {
    InsideAnalysis analysis;
    std::string problem;
    put_u8(*message, analyse_inside(request_, &analysis, &problem) ? 1 : 0);
    if (!analysis.ready) {
      put_string(*message, problem);
      return false;
    }
    put_u32(*message, static_cast<uint32_t>(analysis.layer));
    put_u32(*message, static_cast<uint32_t>(analysis.channel));
    for (const InsidePicture& p : analysis.pictures) {
      put_u8(*message, p.present ? 1 : 0);
      if (!p.present) continue;
      put_u32(*message, static_cast<uint32_t>(p.channels));
      put_u32(*message, static_cast<uint32_t>(p.height));
      put_u32(*message, static_cast<uint32_t>(p.width));
      put_floats(*message, p.map);
      put_floats(*message, p.gram);
    }
    put_floats(*message, analysis.shuffled_map);
    put_floats(*message, analysis.shuffled_gram);
    put_f32(*message, analysis.shuffle_max_difference);
    put_f32(*message, analysis.output_gram_error);
    return false;  // one message: the whole analysis
  }

 private:
  InsideRequest request_;
};

}  // namespace

const std::vector<std::string>& inside_layer_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all = {translatable("pixels")};  // shown through tr()
    for (const std::string& name : LossNetwork::layer_names()) all.push_back(name);
    return all;
  }();
  return names;
}

bool analyse_inside(const InsideRequest& request, InsideAnalysis* analysis, std::string* error) {
  *analysis = InsideAnalysis{};
  if (request.layer < 0 || request.layer >= static_cast<int>(inside_layer_names().size())) {
    *error = "inside: no layer number " + std::to_string(request.layer);
    return false;
  }
  for (int i = 0; i < 2; ++i)
    if (request.pictures[i].empty() || request.pictures[i].rank() != 4 || request.pictures[i].dim(1) != 3) {
      *error = "inside: the content and style pictures must be [1, 3, H, W]";
      return false;
    }
  std::shared_ptr<LossNetwork> network = loss_network_for(request.network, error);
  if (!network) return false;
  FeatureMaps style_features;
  for (int i = 0; i < 3; ++i) {
    if (request.pictures[i].empty()) continue;
    FeatureMaps features = features_at(*network, request.layer, request.pictures[i], error);
    if (features.values.empty()) return false;
    analysis->pictures[i] = describe(features, request.channel);
    if (i == 1) style_features = std::move(features);
  }
  InsidePicture shuffled_picture = describe(shuffled_positions(style_features, request.shuffle_seed), request.channel);
  analysis->shuffled_map = shuffled_picture.map;
  analysis->shuffled_gram = shuffled_picture.gram;
  const std::vector<float>& style_gram = analysis->pictures[1].gram;
  for (size_t i = 0; i < style_gram.size(); ++i)
    analysis->shuffle_max_difference =
        std::max(analysis->shuffle_max_difference, std::fabs(shuffled_picture.gram[i] - style_gram[i]));
  if (analysis->pictures[2].present) {
    double difference = 0, norm = 0;
    for (size_t i = 0; i < style_gram.size(); ++i) {
      double d = analysis->pictures[2].gram[i] - style_gram[i];
      difference += d * d;
      norm += static_cast<double>(style_gram[i]) * style_gram[i];
    }
    analysis->output_gram_error = static_cast<float>(difference / std::max(norm, 1e-24));
  }
  analysis->layer = request.layer;
  analysis->channel = std::clamp(request.channel, 0, analysis->pictures[1].channels - 1);
  analysis->ready = true;
  return true;
}

Bytes encode_inside_request(const InsideRequest& request) {
  Bytes out;
  put_loss_network_choice(out, request.network);
  put_u32(out, static_cast<uint32_t>(request.layer));
  put_u32(out, static_cast<uint32_t>(request.channel));
  put_u32(out, static_cast<uint32_t>(request.shuffle_seed));
  put_u32(out, static_cast<uint32_t>(request.shuffle_seed >> 32));
  for (const Tensor& picture : request.pictures) put_tensor(out, picture);
  return out;
}

bool decode_inside_analysis(const Bytes& message, InsideAnalysis* analysis, std::string* error) {
  *analysis = InsideAnalysis{};
  ByteReader in(message.data(), message.size(), kFormat);
  uint32_t ok = 0, layer = 0, channel = 0;
  if (!in.u8(ok, "status")) {
    *error = in.error;
    return false;
  }
  if (!ok) {
    if (!read_string(in, *error, "message", 4096)) *error = in.error;
    // A failure always says why, even one the job sent without a message (found by tests/fuzz/fuzz_jobs).
    if (error->empty()) *error = "inside: the job failed without saying why";
    return false;
  }
  bool good = in.u32(layer, "layer") && in.u32(channel, "channel");
  for (InsidePicture& p : analysis->pictures) {
    uint32_t present = 0, channels = 0, height = 0, width = 0;
    good = good && in.u8(present, "present");
    if (!good || !present) continue;
    good = in.u32(channels, "channels") && in.u32(height, "height") && in.u32(width, "width") &&
           read_floats(in, p.map, "map") && read_floats(in, p.gram, "gram");
    p.present = true;
    p.channels = static_cast<int>(channels);
    p.height = static_cast<int>(height);
    p.width = static_cast<int>(width);
    if (good && (p.map.size() != static_cast<size_t>(height) * width ||
                 p.gram.size() != static_cast<size_t>(channels) * channels)) {
      in.error = "inside: sizes do not match";
      good = false;
    }
  }
  good = good && read_floats(in, analysis->shuffled_map, "shuffled map") &&
         read_floats(in, analysis->shuffled_gram, "shuffled gram") &&
         read_f32(in, analysis->shuffle_max_difference, "difference") &&
         read_f32(in, analysis->output_gram_error, "output error");
  if (!good) {
    *error = in.error;
    return false;
  }
  analysis->layer = static_cast<int>(layer);
  analysis->channel = static_cast<int>(channel);
  analysis->ready = true;
  return true;
}

std::unique_ptr<BackgroundJob> make_inside_job() { return std::make_unique<InsideJob>(); }
