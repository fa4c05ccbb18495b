// The style demo driven as the shell drives it (declared defaults, URL keys,
// step() once a frame), with no background backend installed: each poll()
// then runs one step of the job, so the test counts iterations, not seconds.
#include <doctest/doctest.h>

#include <string>

#include "demos/assets.h"
#include "demos/background_job.h"
#include "demos/style_transfer/style_demo.h"
#include "demos/user_files.h"
#include "engine/io/bytes.h"

namespace {

struct DemoUnderTest {
  StyleDemo demo;
  StateFields fields;

  explicit DemoUnderTest(int size) {
    std::string data_dir = PLAYGROUND_DATA_DIR;
    set_asset_backend(nullptr);
    set_asset_directory(data_dir.substr(0, data_dir.size() - std::string("/data").size()));
    register_all_background_jobs();
    set_background_backend(nullptr);
    demo.declare_state(fields);
    fields.reset_all();
    fields.find("size")->set(size);
    demo.state_loaded();
  }
  ~DemoUnderTest() { set_asset_directory("."); }

  void frames(int count) {
    for (int i = 0; i < count; ++i) demo.step(StepBudget::for_checks(1000));
  }
};

}  // namespace

TEST_CASE("style demo: with run=1 the default pictures load and the style loss falls as iterations go by") {
  DemoUnderTest t(64);
  t.fields.find("run")->set(1);
  t.frames(3);
  REQUIRE(t.demo.images().ready());
  CHECK(t.demo.images().working(ImageSlot::Content).dim(3) == 64);  // chelsea is wider than tall
  int frames = 0;
  while (t.demo.gatys().iteration() < 2 && frames++ < 50) t.frames(1);
  REQUIRE(t.demo.gatys().iteration() >= 2);
  float early = t.demo.gatys().style_loss();
  while (t.demo.gatys().iteration() < 20 && frames++ < 200) t.frames(1);
  REQUIRE(t.demo.gatys().iteration() >= 20);
  CAPTURE(early);
  CAPTURE(t.demo.gatys().style_loss());
  CHECK(t.demo.gatys().style_loss() < early);
  CHECK(t.demo.gatys().error().empty());
  CHECK(t.demo.gatys().picture().width == 64);
}

TEST_CASE("style demo: a new style weight goes on from the current picture; new pictures start over") {
  DemoUnderTest t(48);
  t.fields.find("run")->set(1);
  int frames = 0;
  while (t.demo.gatys().iteration() < 5 && frames++ < 100) t.frames(1);
  REQUIRE(t.demo.gatys().iteration() >= 5);
  t.fields.find("beta")->set(1000);
  t.frames(3);
  CHECK(t.demo.gatys().iteration() >= 5);  // the count goes on: the same run with another loss
  int before = t.demo.gatys().curves().iterations();
  *t.fields.find("style")->text = "leopard";  // as a new URL would
  t.frames(1);
  // Another style picture: a new optimisation, whose first frame takes at most 4 iterations.
  CHECK(t.demo.gatys().iteration() <= 4);
  CHECK(t.demo.gatys().curves().iterations() < before);
}

TEST_CASE("style demo: a broken dropped file gets a message and the pictures stay") {
  DemoUnderTest t(48);
  t.frames(3);
  REQUIRE(t.demo.images().ready());
  unsigned version = t.demo.images().version();
  deliver_user_file("broken.jpg", std::vector<uint8_t>{0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3});
  t.frames(2);
  CHECK(t.demo.images().ready());
  CHECK(t.demo.images().version() == version);
  CHECK(t.demo.images().message().find("broken.jpg") != std::string::npos);
  CHECK_FALSE(t.demo.images().from_user(ImageSlot::Content));

  std::vector<uint8_t> png;
  std::string error;
  REQUIRE(read_whole_file(std::string(PLAYGROUND_DATA_DIR) + "/style/coffee.png", 1 << 24, png, error));
  deliver_user_file("coffee.png", png);
  t.frames(2);
  CHECK(t.demo.images().from_user(ImageSlot::Content));
  CHECK(t.demo.images().version() != version);
}
