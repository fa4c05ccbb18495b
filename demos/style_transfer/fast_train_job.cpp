#include "demos/style_transfer/fast_train_job.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "engine/io/bytes.h"
#include "engine/io/tensor_bytes.h"
#include "engine/io/weights.h"

namespace {

constexpr uint32_t kInputVersion = 1;
constexpr int kMaxImageSide = 2048;
constexpr int kMaxContents = 16;
constexpr int kMaxSteps = 100000;
constexpr size_t kMaxLossWeightBytes = 16u << 20;

bool read_int(ByteReader& in, int& v, int lo, int hi, const std::string& what, std::string* error) {
  return read_int_in_range(in, v, lo, hi, what, "fast_train", error);
}

void put_image(Bytes& out, const Rgb8Image& image) {
  put_u32(out, static_cast<uint32_t>(image.width));
  put_u32(out, static_cast<uint32_t>(image.height));
  out.insert(out.end(), image.rgb.begin(), image.rgb.end());
}

// allow_empty: a 0 x 0 image (a message without preview).
bool read_image(ByteReader& in, Rgb8Image& image, bool allow_empty, const std::string& what, std::string* error) {
  if (!read_int(in, image.width, allow_empty ? 0 : 1, kMaxImageSide, what + " width", error) ||
      !read_int(in, image.height, allow_empty ? 0 : 1, kMaxImageSide, what + " height", error))
    return false;
  if ((image.width == 0) != (image.height == 0)) {
    *error = "fast_train: " + what + " is " + std::to_string(image.width) + " x " + std::to_string(image.height);
    return false;
  }
  const uint64_t n = static_cast<uint64_t>(image.width) * static_cast<uint64_t>(image.height) * 3u;
  const uint8_t* p = in.take(n, what + " pixels");
  if (!p) return false;
  image.rgb.assign(p, p + n);
  return true;
}

bool read_blob(ByteReader& in, std::vector<uint8_t>& blob, size_t max_bytes, const std::string& what) {
  uint32_t n;
  if (!in.u32(n, what + " size")) return false;
  if (n > max_bytes) {
    in.error = "fast_train: " + what + " of " + std::to_string(n) + " bytes is too large";
    return false;
  }
  const uint8_t* p = in.take(n, what);
  if (!p) return false;
  blob.assign(p, p + n);
  return true;
}

bool finite_non_negative(float v) { return std::isfinite(v) && v >= 0.0f; }

}  // namespace

Tensor tensor_from_rgb8(const Rgb8Image& image) {
  const int h = image.height, w = image.width;
  Tensor out(Shape{1, 3, h, w});
  for (int c = 0; c < 3; ++c)
    for (int i = 0; i < h * w; ++i) out[c * h * w + i] = static_cast<float>(image.rgb[i * 3 + c]) / 255.0f;
  return out;
}

Rgb8Image rgb8_from_tensor(const Tensor& image) {
  Rgb8Image out;
  out.height = image.dim(2);
  out.width = image.dim(3);
  const int n = out.height * out.width;
  out.rgb.resize(static_cast<size_t>(n) * 3);
  for (int c = 0; c < 3; ++c)
    for (int i = 0; i < n; ++i) {
      const float v = std::clamp(image[c * n + i], 0.0f, 1.0f);
      out.rgb[i * 3 + c] = static_cast<uint8_t>(std::lround(v * 255.0f));
    }
  return out;
}

TransformNetworkShape FastTrainInput::browser_network() {
  TransformNetworkShape shape;
  shape.styles = 1;
  shape.width1 = 8;
  shape.width2 = 16;
  shape.width3 = 32;
  shape.residual_blocks = 2;
  return shape;
}

Bytes encode_fast_train_input(const FastTrainInput& in) {
  Bytes out{'D', 'L', 'F', 'T'};
  put_u32(out, kInputVersion);
  for (int v : {in.steps, in.crop, in.batch, in.preview_every}) put_u32(out, static_cast<uint32_t>(v));
  for (float v : {in.content_weight, in.style_weight, in.tv_weight, in.learning_rate}) put_f32(out, v);
  put_u32(out, in.seed);
  put_u32(out, in.loss_network_seed);
  const TransformNetworkShape& s = in.network;
  for (int v : {s.width1, s.width2, s.width3, s.residual_blocks, s.outer_kernel}) put_u32(out, static_cast<uint32_t>(v));
  put_image(out, in.style);
  put_u32(out, static_cast<uint32_t>(in.contents.size()));
  for (const Rgb8Image& c : in.contents) put_image(out, c);
  put_u32(out, static_cast<uint32_t>(in.loss_network_weights.size()));
  out.insert(out.end(), in.loss_network_weights.begin(), in.loss_network_weights.end());
  return out;
}

bool decode_fast_train_input(const Bytes& bytes, FastTrainInput* input, std::string* error) {
  ByteReader in(bytes.data(), bytes.size(), "fast_train input");
  FastTrainInput r;
  auto fail = [&]() {
    if (error->empty()) *error = in.error;
    return false;
  };
  error->clear();
  const uint8_t* magic = in.take(4, "magic");
  if (!magic || std::memcmp(magic, "DLFT", 4) != 0) {
    *error = "fast_train: the input does not start with DLFT";
    return false;
  }
  uint32_t version;
  if (!in.u32(version, "version")) return fail();
  if (version != kInputVersion) {
    *error = "fast_train: input version " + std::to_string(version) + ", expected " + std::to_string(kInputVersion);
    return false;
  }
  if (!read_int(in, r.steps, 1, kMaxSteps, "steps", error) || !read_int(in, r.crop, 16, 256, "crop", error) ||
      !read_int(in, r.batch, 1, 8, "batch", error) ||
      !read_int(in, r.preview_every, 0, kMaxSteps, "preview_every", error))
    return fail();
  if (r.crop % 4 != 0) {
    *error = "fast_train: crop must be a multiple of 4, got " + std::to_string(r.crop);
    return false;
  }
  if (!read_f32(in, r.content_weight, "content weight") || !read_f32(in, r.style_weight, "style weight") ||
      !read_f32(in, r.tv_weight, "tv weight") || !read_f32(in, r.learning_rate, "learning rate"))
    return fail();
  if (!finite_non_negative(r.content_weight) || !finite_non_negative(r.style_weight) ||
      !finite_non_negative(r.tv_weight) || !(r.learning_rate > 0.0f && r.learning_rate <= 1.0f)) {
    *error = "fast_train: the loss weights must be finite and >= 0, the learning rate in (0, 1]";
    return false;
  }
  if (!in.u32(r.seed, "seed") || !in.u32(r.loss_network_seed, "loss network seed")) return fail();
  TransformNetworkShape& s = r.network;
  s.styles = 1;
  if (!read_int(in, s.width1, 1, 64, "width1", error) || !read_int(in, s.width2, 1, 64, "width2", error) ||
      !read_int(in, s.width3, 1, 64, "width3", error) ||
      !read_int(in, s.residual_blocks, 0, 8, "residual blocks", error) ||
      !read_int(in, s.outer_kernel, 1, 9, "outer kernel", error))
    return fail();
  if (!s.problem().empty()) {
    *error = "fast_train: " + s.problem();
    return false;
  }
  if (!read_image(in, r.style, false, "style image", error)) return fail();
  if (r.style.width < LossNetwork::kMinImageSize || r.style.height < LossNetwork::kMinImageSize) {
    *error = "fast_train: the style image must be at least " + std::to_string(LossNetwork::kMinImageSize) +
             " pixels on each side";
    return false;
  }
  int count;
  if (!read_int(in, count, 1, kMaxContents, "content image count", error)) return fail();
  const int smallest = static_cast<int>(std::ceil(CropSettings{}.smallest * static_cast<float>(r.crop)));
  for (int i = 0; i < count; ++i) {
    Rgb8Image image;
    const std::string what = "content image " + std::to_string(i + 1);
    if (!read_image(in, image, false, what, error)) return fail();
    if (std::min(image.width, image.height) < smallest) {
      *error = "fast_train: " + what + " is " + std::to_string(image.width) + " x " + std::to_string(image.height) +
               "; crops of " + std::to_string(r.crop) + " need at least " + std::to_string(smallest) + " on each side";
      return false;
    }
    r.contents.push_back(std::move(image));
  }
  if (!read_blob(in, r.loss_network_weights, kMaxLossWeightBytes, "loss-network weights")) return fail();
  if (in.remaining() != 0) {
    *error = "fast_train: " + std::to_string(in.remaining()) + " bytes after the input";
    return false;
  }
  *input = std::move(r);
  return true;
}

Bytes encode_fast_train_message(const FastTrainMessage& m) {
  Bytes out{'D', 'L', 'F', 'M'};
  put_u32(out, static_cast<uint32_t>(m.step));
  put_u32(out, static_cast<uint32_t>(m.steps));
  for (float v : {m.losses.total, m.losses.content, m.losses.style, m.losses.tv}) put_f32(out, v);
  put_image(out, m.preview);
  put_u32(out, static_cast<uint32_t>(m.weights.size()));
  out.insert(out.end(), m.weights.begin(), m.weights.end());
  put_u32(out, static_cast<uint32_t>(m.error.size()));
  out.insert(out.end(), m.error.begin(), m.error.end());
  return out;
}

bool decode_fast_train_message(const Bytes& bytes, FastTrainMessage* message, std::string* error) {
  ByteReader in(bytes.data(), bytes.size(), "fast_train message");
  FastTrainMessage m;
  error->clear();
  auto fail = [&]() {
    if (error->empty()) *error = in.error;
    return false;
  };
  const uint8_t* magic = in.take(4, "magic");
  if (!magic || std::memcmp(magic, "DLFM", 4) != 0) {
    *error = "fast_train: the message does not start with DLFM";
    return false;
  }
  if (!read_int(in, m.step, 0, kMaxSteps, "step", error) || !read_int(in, m.steps, 1, kMaxSteps, "steps", error) ||
      !read_f32(in, m.losses.total, "total") || !read_f32(in, m.losses.content, "content") ||
      !read_f32(in, m.losses.style, "style") || !read_f32(in, m.losses.tv, "tv") ||
      !read_image(in, m.preview, true, "preview", error))
    return fail();
  std::vector<uint8_t> text;
  if (!read_blob(in, m.weights, 64u << 20, "weights") || !read_blob(in, text, 1u << 16, "error")) return fail();
  m.error.assign(text.begin(), text.end());
  *message = std::move(m);
  return true;
}

std::unique_ptr<BackgroundJob> FastTrainJob::make() { return std::make_unique<FastTrainJob>(); }

bool FastTrainJob::start(const Bytes& bytes, std::string* error) {
  if (!decode_fast_train_input(bytes, &input_, error)) return false;
  network_ = std::make_unique<TransformNetwork>(input_.network, input_.seed);
  if (input_.loss_network_weights.empty()) {
    loss_network_ = std::make_unique<LossNetwork>(LossNetwork::random_normalised(input_.loss_network_seed));
  } else {
    loss_network_ = std::make_unique<LossNetwork>();
    LoadResult loaded = loss_network_->load(input_.loss_network_weights.data(), input_.loss_network_weights.size());
    if (!loaded.ok) {
      *error = "fast_train: loss network: " + loaded.error;
      return false;
    }
  }
  TransformTrainingSettings settings;
  settings.crops.size = input_.crop;
  settings.batch = input_.batch;
  settings.content_weight = input_.content_weight;
  settings.style_weight = input_.style_weight;
  settings.tv_weight = input_.tv_weight;
  settings.learning_rate = input_.learning_rate;
  settings.seed = input_.seed;
  // The style statistics at about the training crops' scale.
  settings.style_size = std::max(2 * input_.crop, LossNetwork::kMinImageSize);
  trainer_ = std::make_unique<TransformTrainer>(*network_, *loss_network_, settings);
  std::vector<Tensor> photos;
  for (const Rgb8Image& c : input_.contents) photos.push_back(tensor_from_rgb8(c));
  // The preview: the first content image at about twice the crop size.
  preview_content_ = resize_shorter_side(photos[0], 2 * input_.crop);
  if (!trainer_->set_data({tensor_from_rgb8(input_.style)}, std::move(photos), error)) {
    *error = "fast_train: " + *error;
    return false;
  }
  failed_ = false;
  return true;
}

bool FastTrainJob::step(Bytes* message) {
  message->clear();
  if (!trainer_ || failed_ || trainer_->steps_done() >= input_.steps) return false;
  const TransformStepReport report = trainer_->step();
  FastTrainMessage m;
  m.step = trainer_->steps_done();
  m.steps = input_.steps;
  m.losses = report.losses;
  if (!trainer_->error().empty()) {
    failed_ = true;
    m.error = trainer_->error();
    *message = encode_fast_train_message(m);
    return false;
  }
  const bool last = m.step >= input_.steps;
  if (last || (input_.preview_every > 0 && m.step % input_.preview_every == 0)) {
    StyliseResult preview = stylise(*network_, preview_content_, 0);
    if (preview.ok) m.preview = rgb8_from_tensor(preview.image);
  }
  if (last) m.weights = save_weights(static_cast<const TransformNetwork&>(*network_).parameters());
  *message = encode_fast_train_message(m);
  return !last;
}
