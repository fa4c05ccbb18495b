// The caption demo driven as the shell drives it: URL state in, step() once a
// frame (budgets count checks, not time), the editor's actions, the report.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>

#include "app/url_state.h"
#include "demos/assets.h"
#include "demos/background_job.h"
#include "demos/captioning/caption_demo.h"
#include "demos/captioning/caption_weights.h"
#include "demos/captioning/scene_edits.h"
#include "demos/captioning/vocabulary.h"
#include "demos/user_files.h"
#include "tests/demos/captioning/real_scene_items.h"

namespace {

struct DemoUnderTest {
  CaptionDemo demo;
  StateFields fields;

  explicit DemoUnderTest(const std::string& hash = "demo=caption") {
    const std::string data_dir = PLAYGROUND_DATA_DIR;
    set_asset_backend(nullptr);
    set_asset_directory(data_dir.substr(0, data_dir.size() - std::string("/data").size()));
    register_all_background_jobs();
    set_background_backend(nullptr);  // jobs run inside poll(), one step per call
    demo.declare_state(fields);
    load(hash);
  }
  ~DemoUnderTest() { set_asset_directory("."); }

  void load(const std::string& hash) {
    CHECK(url_state::apply_pairs(url_state::parse_hash(hash).pairs, fields).empty());
    demo.state_loaded();
    frames(1);
    REQUIRE(demo.ready());
  }
  void frames(int count, int checks = 0) {
    for (int i = 0; i < count; ++i) demo.step(StepBudget::for_checks(checks));
  }
  std::string hash() const { return url_state::encode_state("caption", fields); }
  std::string text(const char* key) const { return fields.find(key)->text ? *fields.find(key)->text : ""; }
};

DemoReport report_of(const CaptionDemo& demo) {
  DemoReport report;
  demo.report(report);
  return report;
}

std::map<std::string, double> caption_numbers(const DemoReport& report) {
  for (const auto& [group, numbers] : report.groups)
    if (group == "caption") return {numbers.begin(), numbers.end()};
  return {};
}

const DemoReport::GroupValue* group_value(const DemoReport& report, const std::string& key) {
  for (const DemoReport::GroupValue& v : report.group_values)
    if (v.group == "caption" && v.key == key) return &v;
  return nullptr;
}

// The first seed whose test scene has at least `objects` objects.
int seed_with_objects(DemoUnderTest& t, size_t objects) {
  for (int seed = 1; seed < 200; ++seed) {
    t.load("demo=caption&seed=" + std::to_string(seed));
    if (t.demo.scene().objects.size() >= objects) return seed;
  }
  FAIL("no scene with enough objects");
  return 0;
}

}  // namespace

TEST_CASE("caption demo: the scene, edited objects and decoding settings survive the URL round trip") {
  DemoUnderTest t;
  const int seed = seed_with_objects(t, 2);
  const Box first = t.demo.scene().objects[0].box;
  // Move the first object to some free place: the edit is now in the URL.
  std::string why = "unmoved";
  for (int y = 0; y <= kMaxCorner && !why.empty(); y += 4)
    for (int x = 0; x <= kMaxCorner && !why.empty(); x += 4)
      if (x != first.x || y != first.y) why = t.demo.drop_object(0, x, y);
  REQUIRE(why.empty());
  t.demo.set_object_colour(1, 4);
  t.fields.find("decode")->set(1);
  t.fields.find("beam")->set(6);
  t.fields.find("model")->set(1);
  t.frames(1);
  const std::string hash = t.hash();
  CHECK(hash.find("objects=") != std::string::npos);
  CHECK(t.text("objects") == objects_text(t.demo.scene()));

  DemoUnderTest other("demo=" + hash);
  CHECK(other.hash() == hash);
  CHECK(other.demo.scene().objects.size() == t.demo.scene().objects.size());
  CHECK(objects_text(other.demo.scene()) == objects_text(t.demo.scene()));
  CHECK(other.demo.scene().objects[1].colour == 4);
  CHECK(other.demo.caption().words == t.demo.caption().words);
  CHECK(other.demo.caption().log_prob == t.demo.caption().log_prob);
  CHECK(other.fields.find("seed")->value() == seed);
}

TEST_CASE("caption demo: a bad objects text in a link is refused; an item of the wrong class falls back with a message") {
  CHECK_FALSE(objects_text_valid("8-0-17-4"));
  CHECK_FALSE(objects_text_valid("8-0-17-4-37"));                 // corner beyond 36
  CHECK_FALSE(objects_text_valid("8-0-17-0-0_6-2-5-20-20"));      // overlapping boxes
  CHECK_FALSE(objects_text_valid("1-0-1-0-0_1-0-2-36-0_1-0-3-0-36_1-0-4-36-36_1-0-5-18-18"));  // five objects
  CHECK(objects_text_valid("8-0-17-0-0_6-2-5-28-28"));
  DemoUnderTest t;
  t.load("demo=caption&seed=5");
  const size_t generated = t.demo.scene().objects.size();
  // Item 0 of the test images has one class; claim it is of every class in turn: at most one can be true.
  int refused = 0;
  for (int c = 0; c < 10; ++c) {
    t.load("demo=caption&seed=5&objects=" + std::to_string(c) + "-0-0-4-4");
    if (!t.demo.message().empty()) {
      ++refused;
      CHECK(t.demo.scene().objects.size() == generated);  // the seed's scene instead
      CHECK(t.text("objects").empty());
    }
  }
  CHECK(refused == 9);
}

TEST_CASE("caption demo: edits change what the captioner reads, and the references follow") {
  DemoUnderTest t;
  seed_with_objects(t, 1);
  const std::vector<std::string> before = t.demo.references();
  const std::string objects_before = objects_text(t.demo.scene());
  const int colour = t.demo.scene().objects[0].colour;
  const double log_prob_before = t.demo.caption().log_prob;
  t.demo.set_object_colour(0, (colour + 1) % kColourCount);
  t.frames(1);
  CHECK(objects_text(t.demo.scene()) != objects_before);
  CHECK(t.demo.caption().log_prob != log_prob_before);  // the captioner read the recoloured picture
  const double after_colour = t.demo.caption().log_prob;
  const Box box = t.demo.scene().objects[0].box;
  std::string why = "unmoved";
  for (int y = 0; y <= kMaxCorner && !why.empty(); y += 6)
    for (int x = 0; x <= kMaxCorner && !why.empty(); x += 6)
      if (std::abs(x - box.x) + std::abs(y - box.y) > 8) why = t.demo.drop_object(0, x, y);
  REQUIRE(why.empty());
  t.frames(1);
  CHECK(t.demo.caption().log_prob != after_colour);  // and the moved one
  CHECK(t.text("objects") == objects_text(t.demo.scene()));
  CHECK(t.demo.references() != before);  // every reference names the colour
  const size_t count = t.demo.scene().objects.size();
  if (count < 4) {
    CHECK(t.demo.add_object().empty());
    t.frames(1);
    CHECK(t.demo.scene().objects.size() == count + 1);
  }
  CHECK(t.demo.remove_object(0).empty());
  CHECK(t.demo.scene().objects.size() == (count < 4 ? count : count - 1));
  while (t.demo.scene().objects.size() > 1) CHECK(t.demo.remove_object(0).empty());
  CHECK(t.demo.remove_object(0) == "a scene needs at least one object");
  CHECK(t.demo.scene().objects.size() == 1);
}

TEST_CASE("caption demo: a drag that would overlap another object is refused and the scene stays as it was") {
  DemoUnderTest t;
  for (int seed = 1; seed < 60; ++seed) {
    t.load("demo=caption&seed=" + std::to_string(seed));
    if (t.demo.scene().objects.size() < 2) continue;
    const std::string before = objects_text(t.demo.scene());
    const Box target = t.demo.scene().objects[1].box;
    const std::string why = t.demo.drop_object(0, target.x, target.y);  // right on top of object 2
    CAPTURE(seed);
    CHECK(why.find("would overlap") != std::string::npos);
    CHECK(t.demo.message() == why);
    CHECK(objects_text(t.demo.scene()) == before);
    for (size_t i = 0; i < t.demo.scene().objects.size(); ++i)
      for (size_t j = i + 1; j < t.demo.scene().objects.size(); ++j)
        CHECK_FALSE(boxes_overlap(t.demo.scene().objects[i].box, t.demo.scene().objects[j].box));
  }
}

TEST_CASE("a drop a few pixels into another object snaps to the nearest free place") {
  Scene scene;
  SceneObject a, b;
  a.box = Box{0, 0, kItemSize};
  b.box = Box{36, 0, kItemSize};
  scene.objects = {a, b};
  CHECK(move_object(scene, 0, 11, 20).empty());  // 3 pixels into b: snaps back to x = 8
  CHECK(scene.objects[0].box.x == 8);
  CHECK(scene.objects[0].box.y == 20);
  CHECK_FALSE(move_object(scene, 0, 30, 0).empty());  // deep inside b: refused
  CHECK(scene.objects[0].box.x == 8);
}

TEST_CASE("caption demo: the beam width comes from the URL and bounds every step of the drawn beam") {
  for (int width : {1, 4, 10}) {
    DemoUnderTest t("demo=caption&decode=beam&beam=" + std::to_string(width));
    CAPTURE(width);
    REQUIRE_FALSE(t.demo.caption().steps.empty());
    size_t widest = 0;
    for (const BeamStep& step : t.demo.caption().steps) {
      CHECK(step.kept.size() <= static_cast<size_t>(width));
      widest = std::max(widest, step.kept.size());
    }
    CHECK(widest == static_cast<size_t>(width));  // the first step fills the beam from 44 words
    CHECK(caption_numbers(report_of(t.demo))["beam_width"] == width);
  }
}

TEST_CASE("caption demo: the status has the issue's keys, the attention per word, and both models' scores") {
  DemoUnderTest t("demo=caption&score_scenes=10&decode=greedy");
  int frames = 0;
  while (!t.demo.scores().done() && frames++ < 200) t.frames(1, 5);
  REQUIRE(t.demo.scores().done());
  const DemoReport report = report_of(t.demo);
  std::map<std::string, double> numbers = caption_numbers(report);
  for (const char* key : {"log_prob", "beam_width", "bleu4_attention", "bleu4_show_tell", "bleu4_heldout"}) {
    CAPTURE(key);
    CHECK(numbers.count(key) == 1);
  }
  CHECK(numbers["log_prob"] < 0);
  CHECK(numbers["bleu4_attention"] >= 0);
  CHECK(numbers["bleu4_attention"] <= 1);
  const DemoReport::GroupValue* text = group_value(report, "text");
  REQUIRE(text);
  CHECK(text->is_text);
  std::string words;
  for (const std::string& word : t.demo.caption().words) {
    if (!words.empty()) words += ' ';
    words += word;
  }
  CHECK(text->text == words);
  const DemoReport::GroupValue* attention = group_value(report, "attention");
  REQUIRE(attention);
  CHECK(attention->nested);
  CHECK(attention->rows.size() == t.demo.caption().words.size());
  for (const std::vector<double>& row : attention->rows) {
    REQUIRE(row.size() == 64);
    double total = 0;
    for (double w : row) total += w;
    CHECK(total == doctest::Approx(1).epsilon(1e-4));
  }
  // Show and Tell has no attention: the list is empty.
  t.fields.find("model")->set(1);
  t.frames(1);
  CHECK(t.demo.caption().attention.empty());
  const DemoReport show_tell_report = report_of(t.demo);  // kept: group_value points into it
  const DemoReport::GroupValue* none = group_value(show_tell_report, "attention");
  REQUIRE(none);
  CHECK(none->rows.empty());
}

TEST_CASE("caption demo: pinning a word shows its map; a word beyond the caption shows none") {
  DemoUnderTest t("demo=caption&word=0");
  REQUIRE_FALSE(t.demo.caption().words.empty());
  CHECK(caption_numbers(report_of(t.demo))["shown_word"] == 0);
  t.demo.show_word(16);
  CHECK(caption_numbers(report_of(t.demo))["shown_word"] == (t.demo.caption().words.size() > 16 ? 16 : -1));
}

namespace {

std::vector<uint8_t> g_items_bytes, g_weights_bytes;

// Serves the real Fashion-MNIST subset and a stand-in weights file.
AssetStatus stand_in_assets(const std::string& name) {
  AssetStatus status;
  status.state = AssetStatus::State::Ready;
  status.progress = 1;
  if (name == "data/fashion-mnist.bin") status.bytes = &g_items_bytes;
  else if (name == CaptionModels::kWeightsAsset) status.bytes = &g_weights_bytes;
  else status.state = AssetStatus::State::Failed;
  return status;
}

}  // namespace

TEST_CASE("caption demo: corrupt or truncated weights are refused with a message; the untrained models keep captioning") {
  std::ifstream file(std::string(PLAYGROUND_DATA_DIR) + "/fashion-mnist.bin", std::ios::binary);
  g_items_bytes.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  for (const std::vector<uint8_t>& bad : {std::vector<uint8_t>{'D', 'L', 'P', 'W', 1, 2, 3}, std::vector<uint8_t>(4096, 7)}) {
    g_weights_bytes = bad;
    CaptionDemo demo;
    StateFields fields;
    demo.declare_state(fields);
    fields.reset_all();
    set_asset_backend(stand_in_assets);
    demo.state_loaded();
    for (int i = 0; i < 3; ++i) demo.step(StepBudget::for_checks(0));
    set_asset_backend(nullptr);
    REQUIRE(demo.ready());
    DemoReport report;
    demo.report(report);
    std::map<std::string, double> numbers = caption_numbers(report);
    CHECK(numbers["weights"] == static_cast<double>(CaptionModels::Weights::failed));
    const DemoReport::GroupValue* message = group_value(report, "weights_message");
    REQUIRE(message);
    CHECK(message->text.find(CaptionModels::kWeightsAsset) == 0);
    CHECK(demo.caption().error.empty());
    CHECK(demo.caption().log_prob < 0);  // still decoding, with the untrained models
  }
}

TEST_CASE("caption demo: weights that arrive later replace the untrained models, and the caption is decoded again") {
  std::ifstream file(std::string(PLAYGROUND_DATA_DIR) + "/fashion-mnist.bin", std::ios::binary);
  g_items_bytes.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  const Captioner other_show_tell(CaptionModel::show_tell, 99), other_attention(CaptionModel::attention, 98);
  g_weights_bytes = save_captioners(other_show_tell, other_attention);
  CaptionDemo demo;
  StateFields fields;
  demo.declare_state(fields);
  fields.reset_all();
  set_asset_backend(nullptr);
  set_asset_directory("/nonexistent");  // first the items only: the weights fail to load
  demo.state_loaded();
  set_asset_backend(stand_in_assets);
  for (int i = 0; i < 2; ++i) demo.step(StepBudget::for_checks(0));
  set_asset_backend(nullptr);
  set_asset_directory(".");
  REQUIRE(demo.ready());
  CHECK(caption_numbers(report_of(demo))["weights"] == static_cast<double>(CaptionModels::Weights::shipped));
  // The same scene through the loaded attention model directly gives the demo's caption.
  SceneItems items;
  REQUIRE(items.load_bytes(g_items_bytes).empty());
  auto context = std::make_shared<CaptionContext>(other_attention.encode(render_scene(items, demo.scene())));
  CaptionSource direct;
  direct.initial_state = other_attention.initial_state(*context);
  direct.step = [&other_attention, context](int previous, const std::vector<float>& state, std::vector<float>* a) {
    return other_attention.step(*context, previous, state, a);
  };
  DecodeSettings settings;  // the demo's defaults: beam 3, no normalisation
  const CaptionResult expected = decode_caption(direct, settings);
  CHECK(expected.words == demo.caption().words);
  CHECK(expected.log_prob == demo.caption().log_prob);
}

namespace {

// The demo's scene as the PNG file a user could save and open again.
std::vector<uint8_t> scene_png(const CaptionDemo& demo, const SceneItems& items) {
  const Tensor image = render_scene(items, demo.scene());
  RgbImage picture;
  set_rgb_image_from_planes(picture, image.data(), kSceneSize, kSceneSize);
  std::vector<uint8_t> png;
  std::string error;
  REQUIRE(encode_png(picture, &png, &error));
  return png;
}

}  // namespace

TEST_CASE("caption demo: your own picture is captioned instead of the scene, and a scene saved as a PNG reads the same") {
  DemoUnderTest t;
  const SceneItems& items = real_scene_items();
  for (int seed : {1, 2, 3, 4, 5}) {
    t.load("demo=caption&decode=greedy&seed=" + std::to_string(seed));
    const std::vector<std::string> words = t.demo.caption().words;
    const std::vector<std::string> references = t.demo.references();
    REQUIRE_FALSE(references.empty());
    // Through the platform's queue, as a drop or the file picker delivers it.
    deliver_user_file("scene.png", scene_png(t.demo, items));
    t.frames(1);
    REQUIRE(t.demo.showing_picture());
    CHECK(t.demo.caption().words == words);  // 8-bit rounding does not change what the model reads
    CHECK(t.demo.references().empty());      // nobody wrote references for it
    const auto numbers = caption_numbers(report_of(t.demo));
    CHECK(numbers.at("picture") == 1);
    CHECK(numbers.at("objects") == 0);
    CHECK(t.demo.drop_object(0, 0, 0) == "your picture is shown: go back to the scene to edit it");
    t.demo.back_to_scene();
    t.frames(1);
    CHECK_FALSE(t.demo.showing_picture());
    CHECK(t.demo.references() == references);
    CHECK(t.demo.caption().words == words);
  }
}

TEST_CASE("caption demo: a bad picture file is refused with a message and what was shown stays") {
  DemoUnderTest t("demo=caption&seed=7");
  const std::string objects = objects_text(t.demo.scene());
  const double log_prob = t.demo.caption().log_prob;
  CHECK(t.demo.open_picture("notes.txt", {'n', 'o', 't', ' ', 'a', 'n', ' ', 'i', 'm', 'a', 'g', 'e'})
            .rfind("your picture: image: ", 0) == 0);
  t.frames(1);
  CHECK_FALSE(t.demo.showing_picture());
  CHECK(objects_text(t.demo.scene()) == objects);
  CHECK(t.demo.caption().log_prob == log_prob);
  const DemoReport report = report_of(t.demo);
  const DemoReport::GroupValue* message = group_value(report, "picture_message");
  REQUIRE(message != nullptr);
  CHECK(message->text.find("the scene is unchanged") != std::string::npos);
}

TEST_CASE("caption demo: the Train tab trains in steps, and its weights caption the scene while the toggle is on") {
  DemoUnderTest t("demo=caption&view=train&decode=greedy&t_model=attention&t_from=shipped&t_steps=6&t_batch=2&t_every=1&"
                  "t_scenes=5&t_lr=0.01");
  const double shipped_log_prob = t.demo.caption().log_prob;
  CHECK(caption_numbers(report_of(t.demo)).at("trained_model") == 0);
  t.demo.training().start();
  t.frames(1);  // without a worker, each poll is one job step: four of the seven messages
  CHECK(t.demo.training().running());
  CHECK(t.hash().find("t_run=1") != std::string::npos);
  for (int frame = 0; frame < 20 && t.demo.training().running(); ++frame) t.frames(1);
  CHECK(t.hash().find("t_run=1") == std::string::npos);  // a finished run is not restarted by a link
  CHECK_FALSE(t.demo.training().running());
  CHECK_MESSAGE(t.demo.training().error().empty(), t.demo.training().error());
  CHECK(t.demo.training().losses().size() == 6);
  CHECK(t.demo.training().bleu_values().size() == 7);  // the start and every step
  const DemoReport report = report_of(t.demo);
  std::map<std::string, double> train;
  for (const auto& [group, numbers] : report.groups)
    if (group == "train") train = {numbers.begin(), numbers.end()};
  CHECK(train.at("step") == 6);
  CHECK(train.at("running") == 0);
  CHECK(caption_numbers(report).at("trained_model") == 1);
  CHECK(t.demo.caption().log_prob != shipped_log_prob);  // six steps at 0.01 moved the model
  t.demo.training().set_use_trained(false);
  t.frames(1);
  CHECK(caption_numbers(report_of(t.demo)).at("trained_model") == 0);
  CHECK(t.demo.caption().log_prob == shipped_log_prob);
}
