#include "demos/style_transfer/gatys_job.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "engine/io/bytes.h"

namespace {

void put_f32(Bytes& out, float v) {
  uint32_t bits;
  std::memcpy(&bits, &v, 4);
  put_u32(out, bits);
}

void put_string(Bytes& out, const std::string& s) {
  put_u16(out, static_cast<uint32_t>(s.size()));
  out.insert(out.end(), s.begin(), s.end());
}

void put_image(Bytes& out, const Tensor& image) {
  put_u32(out, static_cast<uint32_t>(image.dim(2)));
  put_u32(out, static_cast<uint32_t>(image.dim(3)));
  for (int i = 0; i < image.size(); ++i) put_f32(out, image[i]);
}

// Reads the fields in order; the first failure keeps its message.
struct Reader {
  ByteReader bytes;
  bool f32(float& v, const std::string& what) {
    uint32_t bits;
    if (!bytes.u32(bits, what)) return false;
    std::memcpy(&v, &bits, 4);
    return true;
  }
  bool string(std::string& s, const std::string& what) {
    uint32_t length;
    if (!bytes.u16(length, what)) return false;
    const uint8_t* p = bytes.take(length, what);
    if (!p) return false;
    s.assign(reinterpret_cast<const char*>(p), length);
    return true;
  }
  bool image(Tensor& t, const std::string& what) {
    uint32_t height, width;
    if (!bytes.u32(height, what) || !bytes.u32(width, what)) return false;
    if (height < 1 || width < 1 || height > 4096 || width > 4096) {
      bytes.error = "gatys job: " + what + " size " + std::to_string(height) + "x" + std::to_string(width) +
                    " is not 1 ... 4096 on each side";
      return false;
    }
    t = Tensor(Shape{1, 3, static_cast<int>(height), static_cast<int>(width)});
    for (int i = 0; i < t.size(); ++i)
      if (!f32(t[i], what)) return false;
    return true;
  }
  template <typename Enum>
  bool enumeration(Enum& e, uint32_t count, const std::string& what) {
    uint32_t v;
    if (!bytes.u8(v, what)) return false;
    if (v >= count) {
      bytes.error = "gatys job: " + what + " " + std::to_string(v) + " is not one of 0 ... " + std::to_string(count - 1);
      return false;
    }
    e = static_cast<Enum>(v);
    return true;
  }
};

}  // namespace

Bytes encode_gatys_input(const GatysJobInput& input) {
  Bytes out = {'G', 'A', 'T', 'Y'};
  put_u32(out, 1);
  put_u32(out, static_cast<uint32_t>(input.max_iterations));
  const GatysSettings& s = input.settings;
  put_string(out, s.loss.content_layer);
  put_u8(out, static_cast<uint32_t>(s.loss.style_layers.size()));
  for (const StyleLayerWeight& layer : s.loss.style_layers) {
    put_string(out, layer.layer);
    put_f32(out, layer.weight);
  }
  put_f32(out, s.loss.content_weight);
  put_f32(out, s.loss.style_weight);
  put_f32(out, s.loss.tv_weight);
  put_u32(out, static_cast<uint32_t>(s.resolution));
  put_u8(out, static_cast<uint32_t>(s.init));
  put_u32(out, static_cast<uint32_t>(s.noise_seed));
  put_u8(out, static_cast<uint32_t>(s.optimizer));
  put_f32(out, s.adam_learning_rate);
  put_u8(out, static_cast<uint32_t>(s.network));
  put_u32(out, static_cast<uint32_t>(s.network_seed));
  put_u8(out, static_cast<uint32_t>(s.colour));
  put_image(out, input.content);
  put_image(out, input.style);
  put_u32(out, static_cast<uint32_t>(input.classifier_weights.size()));
  out.insert(out.end(), input.classifier_weights.begin(), input.classifier_weights.end());
  put_u8(out, input.start_image.empty() ? 0 : 1);
  if (!input.start_image.empty()) put_image(out, input.start_image);
  return out;
}

bool decode_gatys_input(const Bytes& bytes, GatysJobInput* input, std::string* error) {
  Reader r{ByteReader(bytes.data(), bytes.size(), "gatys job")};
  GatysJobInput in;
  GatysSettings& s = in.settings;
  uint32_t version = 0, max_iterations = 0, layers = 0, resolution = 0, noise_seed = 0, network_seed = 0,
           weight_bytes = 0;
  const uint8_t* magic = r.bytes.take(4, "magic");
  bool ok = magic && std::memcmp(magic, "GATY", 4) == 0;
  if (magic && !ok) r.bytes.error = "gatys job: the input does not start with GATY";
  ok = ok && r.bytes.u32(version, "version");
  if (ok && version != 1) {
    r.bytes.error = "gatys job: version " + std::to_string(version) + " is not 1";
    ok = false;
  }
  ok = ok && r.bytes.u32(max_iterations, "max_iterations") && r.string(s.loss.content_layer, "content layer") &&
       r.bytes.u8(layers, "style layer count");
  s.loss.style_layers.assign(ok ? layers : 0, {});
  for (StyleLayerWeight& layer : s.loss.style_layers)
    ok = ok && r.string(layer.layer, "style layer") && r.f32(layer.weight, "style layer weight");
  ok = ok && r.f32(s.loss.content_weight, "content weight") && r.f32(s.loss.style_weight, "style weight") &&
       r.f32(s.loss.tv_weight, "tv weight") && r.bytes.u32(resolution, "resolution") &&
       r.enumeration(s.init, 3, "init") && r.bytes.u32(noise_seed, "noise seed") &&
       r.enumeration(s.optimizer, 2, "optimizer") && r.f32(s.adam_learning_rate, "adam learning rate") &&
       r.enumeration(s.network, 2, "network") && r.bytes.u32(network_seed, "network seed") &&
       r.enumeration(s.colour, 3, "colour mode") && r.image(in.content, "content image") &&
       r.image(in.style, "style image") && r.bytes.u32(weight_bytes, "classifier weight size");
  const uint8_t* weights = ok ? r.bytes.take(weight_bytes, "classifier weights") : nullptr;
  uint32_t has_start = 0;
  ok = ok && weights && r.bytes.u8(has_start, "start image flag") && (!has_start || r.image(in.start_image, "start image"));
  if (ok && r.bytes.remaining() != 0) {
    r.bytes.error = "gatys job: " + std::to_string(r.bytes.remaining()) + " bytes after the end";
    ok = false;
  }
  if (!ok) {
    *error = r.bytes.error.empty() ? "gatys job: bad input" : r.bytes.error;
    return false;
  }
  s.resolution = static_cast<int>(std::min<uint32_t>(resolution, 1 << 20));
  s.noise_seed = noise_seed;
  s.network_seed = network_seed;
  in.max_iterations = static_cast<int>(std::min<uint32_t>(max_iterations, 1000000));
  in.classifier_weights.assign(weights, weights + weight_bytes);
  *input = std::move(in);
  return true;
}

Bytes encode_gatys_progress(const GatysProgress& p) {
  Bytes out;
  put_u32(out, static_cast<uint32_t>(p.iteration));
  for (float v : {p.content_loss, p.style_loss, p.tv_loss, p.total_loss}) put_f32(out, v);
  put_u32(out, static_cast<uint32_t>(p.height));
  put_u32(out, static_cast<uint32_t>(p.width));
  out.insert(out.end(), p.rgb.begin(), p.rgb.end());
  return out;
}

bool decode_gatys_progress(const Bytes& bytes, GatysProgress* progress, std::string* error) {
  Reader r{ByteReader(bytes.data(), bytes.size(), "gatys progress")};
  GatysProgress p;
  uint32_t iteration = 0, height = 0, width = 0;
  bool ok = r.bytes.u32(iteration, "iteration") && r.f32(p.content_loss, "content loss") &&
            r.f32(p.style_loss, "style loss") && r.f32(p.tv_loss, "tv loss") && r.f32(p.total_loss, "total loss") &&
            r.bytes.u32(height, "height") && r.bytes.u32(width, "width");
  const uint64_t pixels = uint64_t{3} * height * width;
  const uint8_t* rgb = ok ? r.bytes.take(pixels, "image") : nullptr;
  if (!rgb || r.bytes.remaining() != 0) {
    *error = r.bytes.error.empty() ? "gatys progress: bad message" : r.bytes.error;
    return false;
  }
  p.iteration = static_cast<int>(iteration);
  p.height = static_cast<int>(height);
  p.width = static_cast<int>(width);
  p.rgb.assign(rgb, rgb + pixels);
  *progress = std::move(p);
  return true;
}

bool GatysJob::start(const Bytes& input, std::string* error) {
  GatysJobInput in;
  if (!decode_gatys_input(input, &in, error)) return false;
  max_iterations_ = in.max_iterations;
  return optimisation_.start(in.settings, in.content, in.style, error,
                             in.classifier_weights.empty() ? nullptr : &in.classifier_weights,
                             in.start_image.empty() ? nullptr : &in.start_image);
}

bool GatysJob::step(Bytes* message) {
  message->clear();
  if (optimisation_.iteration() >= max_iterations_ || !optimisation_.iterate()) return false;
  GatysProgress p;
  p.iteration = optimisation_.iteration();
  p.content_loss = optimisation_.content_loss();
  p.style_loss = optimisation_.style_loss();
  p.tv_loss = optimisation_.tv_loss();
  p.total_loss = optimisation_.total_loss();
  const Tensor image = optimisation_.image();
  p.height = image.dim(2);
  p.width = image.dim(3);
  p.rgb.resize(static_cast<size_t>(image.size()));
  for (int i = 0; i < image.size(); ++i)
    p.rgb[i] = static_cast<uint8_t>(std::lround(std::clamp(image[i], 0.0f, 1.0f) * 255.0f));
  *message = encode_gatys_progress(p);
  return optimisation_.iteration() < max_iterations_;
}

std::unique_ptr<BackgroundJob> make_gatys_job() { return std::make_unique<GatysJob>(); }
