// Writes the seed corpora of the fuzz targets whose inputs come from our own
// encoders (tests/fuzz/corpus/<target>/, see docs/fuzzing.md); make_seeds.sh
// runs it and adds the image files. Every seed is a valid input, small.
//   fuzz_make_seeds <corpus folder>
#include <cstdio>
#include <string>
#include <vector>

#include "demos/captioning/caption_train_job.h"
#include "demos/captioning/caption_weights.h"
#include "demos/captioning/scene_edits.h"
#include "demos/style_transfer/fast_stylise_job.h"
#include "demos/style_transfer/fast_train_job.h"
#include "demos/style_transfer/gatys_job.h"
#include "demos/style_transfer/inside_job.h"
#include "engine/data/image_asset.h"
#include "engine/io/tensor_bytes.h"
#include "engine/io/weights.h"
#include "tests/fuzz/fuzz_caption_weights.h"
#include "tests/fuzz/fuzz_scene_items.h"
#include "tests/fuzz/fuzz_weights_model.h"

namespace {

std::string g_root;

void write(const std::string& target, const std::string& name, const std::vector<uint8_t>& bytes) {
  const std::string path = g_root + "/" + target + "/" + name;
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f || std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size()) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    std::exit(1);
  }
  std::fclose(f);
}
void write_text(const std::string& target, const std::string& name, const std::string& text) {
  write(target, name, std::vector<uint8_t>(text.begin(), text.end()));
}
std::vector<uint8_t> prefixed(uint8_t first, const std::vector<uint8_t>& bytes) {
  std::vector<uint8_t> out{first};
  out.insert(out.end(), bytes.begin(), bytes.end());
  return out;
}

Tensor ramp(const Shape& shape) {
  Tensor t(shape);
  for (int i = 0; i < t.size(); ++i) t[i] = static_cast<float>(i % 7) / 7.0f;
  return t;
}

void weights_seeds() {
  FuzzModel model;
  model.weight.value[5] = -3.25f;
  const std::vector<Parameter*> params = model.all();
  const std::vector<uint8_t> file = save_weights({params.begin(), params.end()});
  write("fuzz_weights", "model.dlpw", prefixed(0, file));
  write("fuzz_weights", "model-fix-crc.dlpw", prefixed(1, file));
  Parameter other{"dense.weight", Tensor(Shape{4, 3})};  // a shape the model does not have
  write("fuzz_weights", "wrong-shape.dlpw", prefixed(1, save_weights({&other})));
}

void caption_weights_seeds() {
  Captioner show_tell(CaptionModel::show_tell, 5, tiny_captioner_size());
  Captioner attention(CaptionModel::attention, 6, tiny_captioner_size());
  const std::vector<uint8_t> file = save_captioners(show_tell, attention);
  write("fuzz_caption_weights", "pair.dlpw", prefixed(0, file));
  write("fuzz_caption_weights", "pair-fix-crc.dlpw", prefixed(1, file));
}

void image_asset_seeds() {
  ImageAsset asset;
  asset.class_names = {"shirt", "bag", "boot"};
  asset.train = {4, 3, 2, {0, 9, 80, 255, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}, {0, 1, 2, 1}};
  asset.test = {1, 3, 2, {9, 8, 7, 6, 5, 4}, {2}};
  const std::vector<uint8_t> file = encode_image_asset(asset);
  write("fuzz_image_asset", "three-classes.bin", prefixed(0, file));
  write("fuzz_image_asset", "three-classes-fix-crc.bin", prefixed(1, file));
  asset.test = {0, 3, 2, {}, {}};
  write("fuzz_image_asset", "empty-test-set.bin", prefixed(1, encode_image_asset(asset)));
}

// GIMP's header (big-endian), then the pixels.
std::vector<uint8_t> gimp_pattern(uint32_t width, uint32_t height, uint32_t bytes, const std::string& name) {
  std::vector<uint8_t> out;
  auto be32 = [&](uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(v >> shift));
  };
  be32(static_cast<uint32_t>(24 + name.size() + 1));
  be32(1);
  be32(width);
  be32(height);
  be32(bytes);
  for (char c : std::string("GPAT")) out.push_back(static_cast<uint8_t>(c));
  for (char c : name) out.push_back(static_cast<uint8_t>(c));
  out.push_back(0);
  for (uint32_t i = 0; i < width * height * bytes; ++i) out.push_back(static_cast<uint8_t>(i * 37));
  return out;
}

void gimp_pattern_seeds() {
  for (uint32_t bytes = 1; bytes <= 4; ++bytes)
    write("fuzz_gimp_pattern", "bpp" + std::to_string(bytes) + ".pat",
          prefixed(static_cast<uint8_t>(bytes - 1), gimp_pattern(3, 2, bytes, "Tile " + std::to_string(bytes))));
}

void scene_objects_seeds() {
  const SceneItems& items = synthetic_items();
  for (int split = 0; split < 3; ++split) {
    const Scene scene = generate_scene(items, static_cast<SceneSplit>(split), static_cast<uint64_t>(split + 1));
    const std::string text = objects_text(scene);
    write("fuzz_scene_objects", "split" + std::to_string(split) + ".txt",
          prefixed(static_cast<uint8_t>(split), std::vector<uint8_t>(text.begin(), text.end())));
  }
}

void jobs_seeds() {
  const std::string t = "fuzz_jobs";
  CaptionTrainInput caption_input;
  caption_input.items = {1, 2, 3};
  caption_input.shipped_weights = {4, 5};
  write(t, "0-caption-train-input", prefixed(0, encode_caption_train_input(caption_input)));
  CaptionTrainMessage caption_message;
  caption_message.step = 3;
  caption_message.weights = {9, 9};
  caption_message.error = "boom";
  write(t, "1-caption-train-message", prefixed(1, encode_caption_train_message(caption_message)));

  FastTrainInput train_input;
  train_input.network = FastTrainInput::browser_network();
  train_input.style = {2, 1, {1, 2, 3, 4, 5, 6}};
  train_input.contents = {{1, 2, {7, 8, 9, 10, 11, 12}}};
  write(t, "2-fast-train-input", prefixed(2, encode_fast_train_input(train_input)));
  FastTrainMessage train_message;
  train_message.step = 2;
  train_message.steps = 5;
  train_message.preview = {1, 1, {3, 2, 1}};
  train_message.weights = {1};
  write(t, "3-fast-train-message", prefixed(3, encode_fast_train_message(train_message)));

  GatysJobInput gatys;
  gatys.content = ramp(Shape{1, 3, 2, 3});
  gatys.style = ramp(Shape{1, 3, 3, 2});
  gatys.start_image = ramp(Shape{1, 3, 2, 3});
  write(t, "4-gatys-input", prefixed(4, encode_gatys_input(gatys)));
  GatysProgress progress;
  progress.iteration = 7;
  progress.height = 1;
  progress.width = 2;
  progress.rgb = {1, 2, 3, 4, 5, 6};
  write(t, "5-gatys-progress", prefixed(5, encode_gatys_progress(progress)));

  FastStyliseRequest stylise;
  stylise.weights = {1, 2, 3};
  stylise.style_weights = {0.5f, 0.5f, 0, 0};
  stylise.content = ramp(Shape{1, 3, 4, 4});
  write(t, "6-fast-stylise-request", prefixed(6, encode_fast_stylise_request(stylise)));
  Bytes stylised;  // what the job sends back (fast_stylise_job.cpp's step): ok, milliseconds, picture
  put_u8(stylised, 1);
  put_f32(stylised, 12.5f);
  put_tensor(stylised, ramp(Shape{1, 3, 4, 4}));
  write(t, "7-fast-stylise-result", prefixed(7, stylised));
  Bytes refused;
  put_u8(refused, 0);
  put_string(refused, "fast stylise: the weights do not fit");
  write(t, "7-fast-stylise-refused", prefixed(7, refused));

  InsideRequest inside;
  inside.layer = 0;
  inside.pictures[0] = ramp(Shape{1, 3, 4, 4});
  inside.pictures[1] = ramp(Shape{1, 3, 4, 5});
  write(t, "8-inside-request", prefixed(8, encode_inside_request(inside)));
  // The analysis message, as the job itself writes it.
  std::unique_ptr<BackgroundJob> job = make_inside_job();
  std::string error;
  Bytes analysis;
  if (!job->start(encode_inside_request(inside), &error)) {
    std::fprintf(stderr, "inside job: %s\n", error.c_str());
    std::exit(1);
  }
  job->step(&analysis);
  write(t, "9-inside-analysis", prefixed(9, analysis));
}

void text_seeds() {
  write_text("fuzz_text_asset", "austen.txt",
             "It is a truth universally acknowledged, that a single man in possession\n"
             "of a good fortune, must be in want of a wife.\n\n\"My dear Mr. Bennet,\" said his lady to him one day,\n"
             "\"have you heard that Netherfield Park is let at last?\"\n");
  write_text("fuzz_text_asset", "non-ascii.txt", "caf\xc3\xa9\tand \xe2\x80\x94 dashes\r\n~{|}\x7f\n");
  write_text("fuzz_vocabulary", "query.txt", "a red bag left of a blue shirt");
  write_text("fuzz_vocabulary", "question.txt", "What colour is the BAG?");
  write_text("fuzz_vocabulary", "unknown.txt", "how many <pad> zebras, color purple-ish");
  std::string long_query;
  for (int i = 0; i < 40; ++i) long_query += "shirt ";
  write_text("fuzz_vocabulary", "too-long.txt", long_query);
  write_text("fuzz_url_state", "all-fields.txt",
             "#demo=perceptron_line&rate=0.1234567&noise=-0.5&seed=999&layers=3&run=1&data=spiral&objects=8-0-17-4-30_6-2-5-36-0&label=hi%20there");
  write_text("fuzz_url_state", "bad-values.txt", "demo=x&rate=abc&seed=1e9&run=maybe&data=moon&zzz=1&&=&objects=1-1");
  write_text("fuzz_url_state", "percent.txt", "#demo=a%5Fb&label=%41%4g%&seed=%31%30");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_make_seeds <corpus folder>\n");
    return 2;
  }
  g_root = argv[1];
  weights_seeds();
  caption_weights_seeds();
  image_asset_seeds();
  gimp_pattern_seeds();
  scene_objects_seeds();
  jobs_seeds();
  text_seeds();
  return 0;
}
