// tests/demos/dropout/dropout_demo_test.cpp: the demo as the shell drives it:
// URL state, loading the asset (through a stand-in backend), the status
// report, and divergence that keeps the user's settings.
#include "demos/dropout/dropout_demo.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

#include "demos/assets.h"
#include "tests/demos/dropout/synthetic_images.h"

namespace {

std::vector<uint8_t> g_asset_bytes;
AssetStatus::State g_asset_state = AssetStatus::State::Loading;

AssetStatus stand_in_backend(const std::string& name) {
  AssetStatus status;
  status.state = name == "data/fashion-mnist.bin" ? g_asset_state : AssetStatus::State::Failed;
  status.progress = status.state == AssetStatus::State::Loading ? 0.4f : 1.0f;
  if (status.state == AssetStatus::State::Failed) status.error = "could not download " + name + " (HTTP 404)";
  if (status.state == AssetStatus::State::Ready) status.bytes = &g_asset_bytes;
  return status;
}

// A demo as the shell makes it: fields declared, reset to defaults, loaded.
struct ShellLike {
  DropoutDemo demo;
  StateFields fields;
  ShellLike() {
    demo.declare_state(fields);
    fields.reset_all();
    demo.state_loaded();
  }
  void set(const char* key, double value) {
    REQUIRE(fields.find(key) != nullptr);
    fields.find(key)->set(value);
  }
  void frames(int count) {
    for (int i = 0; i < count; ++i) demo.step(StepBudget::for_checks(4));
  }
  std::map<std::string, double> status() const {
    DemoReport report;
    demo.report(report);
    return {report.numbers.begin(), report.numbers.end()};
  }
};

// Installs the stand-in for one test case and removes it after.
struct StandInAssets {
  StandInAssets(AssetStatus::State state, std::vector<uint8_t> bytes) {
    g_asset_state = state;
    g_asset_bytes = std::move(bytes);
    set_asset_backend(stand_in_backend);
  }
  ~StandInAssets() { set_asset_backend(nullptr); }
};

}  // namespace

TEST_CASE("the dropout demo declares every setting in the URL, with run and the paper's default rates") {
  ShellLike shell;
  for (const char* key : {"run", "data", "train_n", "points", "noise", "seed", "layers", "width", "drop_in", "drop1",
                          "drop2", "drop3", "scaling", "opt", "rate", "batch", "view", "mc", "example", "l2_keep"})
    CHECK_MESSAGE(shell.fields.find(key) != nullptr, key);
  CHECK(shell.fields.find("run")->type == FieldType::Boolean);
  CHECK(shell.fields.find("drop_in")->default_value == doctest::Approx(0.2));
  CHECK(shell.fields.find("drop1")->default_value == doctest::Approx(0.5));
  CHECK(shell.fields.find("data")->choices[0] == "fashion");
}

TEST_CASE("the status report has both networks' numbers and data_ready") {
  StandInAssets assets(AssetStatus::State::Loading, {});
  ShellLike shell;
  shell.frames(2);
  std::map<std::string, double> status = shell.status();
  for (const char* prefix : {"plain_", "dropout_"})
    for (const char* key : {"step", "train_loss", "test_loss", "train_error", "test_error"})
      CHECK_MESSAGE(status.count(std::string(prefix) + key) == 1, prefix << key);
  for (const char* key : {"step", "images_per_second", "data_ready"}) CHECK_MESSAGE(status.count(key) == 1, key);
  CHECK(status["data_ready"] == 0);  // still loading
}

TEST_CASE("a failed download is reported, and the 2-D data trains instead") {
  StandInAssets assets(AssetStatus::State::Failed, {});
  ShellLike shell;
  shell.set("run", 1);
  shell.frames(3);
  CHECK(shell.status()["data_ready"] == 0);
  shell.set("data", 1);  // what "Use the 2-D data instead" does
  shell.frames(20);
  std::map<std::string, double> status = shell.status();
  CHECK(status["data_ready"] == 1);
  CHECK(status["step"] > 0);
  // Each network's step is its own unit of work: a frame may end between the two.
  CHECK(status["plain_step"] - status["dropout_step"] >= 0);
  CHECK(status["plain_step"] - status["dropout_step"] <= 1);
}

TEST_CASE("a corrupt asset is reported as a parse error, not a crash") {
  StandInAssets assets(AssetStatus::State::Ready, {'D', 'L', 'P', 'I', 1, 0});
  ShellLike shell;
  shell.frames(2);
  CHECK(shell.status()["data_ready"] == 0);
  const std::string& message = shell.demo.asset_error();
  CAPTURE(message);
  CHECK(message.find("image asset") != std::string::npos);  // names what failed to parse
}

TEST_CASE("a valid asset (synthetic, in the real format) is parsed and trains both networks") {
  StandInAssets assets(AssetStatus::State::Ready, encode_image_asset(synthetic_image_asset(120, 40)));
  ShellLike shell;
  shell.set("run", 1);
  shell.set("width", 32);
  shell.frames(30);
  std::map<std::string, double> status = shell.status();
  CHECK(status["data_ready"] == 1);
  CHECK(status["step"] > 0);
  CHECK(shell.demo.trainer().data().inputs == 784);
  CHECK(shell.demo.trainer().data().train_size() == 120);  // all there are, fewer than train_n
}

TEST_CASE("divergence stops training and keeps every setting") {
  ShellLike shell;
  shell.set("data", 1);
  shell.set("opt", 1);  // SGD with momentum
  shell.set("rate", 10.0);
  shell.set("width", 64);
  shell.set("seed", 4);
  shell.set("run", 1);
  // Momentum at rate 10 makes the ReLU network's weights overflow within a few steps.
  for (int i = 0; i < 200 && shell.status()["diverged"] == 0; ++i) shell.frames(1);
  std::map<std::string, double> status = shell.status();
  MESSAGE("diverged at step " << status["step"]);
  REQUIRE(status["diverged"] == 1);
  CHECK(shell.fields.find("run")->value() == 0);  // stopped
  CHECK(shell.fields.find("rate")->value() == doctest::Approx(10.0));
  CHECK(shell.fields.find("width")->value() == 64);
  CHECK(shell.fields.find("seed")->value() == 4);
  long stopped_at = shell.demo.trainer().steps();
  shell.frames(3);
  CHECK(shell.demo.trainer().steps() == stopped_at);
}
