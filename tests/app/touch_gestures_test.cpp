// tests/app/touch_gestures_test.cpp: one finger as a mouse — tap, drag,
// scroll on empty space, long press as a right click.
#include "app/touch_gestures.h"

#include <doctest/doctest.h>

namespace {
constexpr double kFrame = 1.0 / 60;
}

TEST_CASE("a tap is a left press in one frame and a release in the next, even if the finger lifted within one frame") {
  TouchGestures touch;
  CHECK_FALSE(touch.frame(0).present);
  touch.finger_down(7, 100, 200, 0.0);
  touch.finger_up(7, 102, 201, 0.01);  // within the slop
  TouchGestures::Pointer press = touch.frame(kFrame);
  CHECK(press.present);
  CHECK(press.left);
  CHECK_FALSE(press.right);
  CHECK(press.x == 100);
  CHECK(press.y == 200);
  TouchGestures::Pointer release = touch.frame(2 * kFrame);
  CHECK(release.present);
  CHECK_FALSE(release.left);
  CHECK_FALSE(touch.frame(3 * kFrame).present);  // the real mouse (or none) again: nothing stays hovered
}

TEST_CASE("holding still is a right click once, without a left click; a short hold is not") {
  TouchGestures touch;
  touch.finger_down(1, 50, 60, 0.0);
  double t = 0;
  int left_frames = 0, right_presses = 0;
  bool was_right = false;
  for (; t < 1.5; t += kFrame) {
    if (t > 0.3) touch.finger_move(1, 55, 63, t);  // a finger's jitter, inside the slop
    TouchGestures::Pointer p = touch.frame(t);
    CHECK(p.present);
    left_frames += p.left;
    right_presses += p.right && !was_right;
    was_right = p.right;
  }
  touch.finger_up(1, 55, 63, t);
  TouchGestures::Pointer after = touch.frame(t += kFrame);
  CHECK_FALSE(after.right);
  CHECK_FALSE(touch.frame(t += kFrame).present);
  CHECK(left_frames == 0);
  CHECK(right_presses == 1);

  touch.finger_down(2, 50, 60, 10.0);
  CHECK_FALSE(touch.frame(10.0 + TouchGestures::kLongPressSeconds * 0.8).right);
  touch.finger_up(2, 50, 60, 10.0 + TouchGestures::kLongPressSeconds * 0.9);
  CHECK(touch.frame(10.0 + TouchGestures::kLongPressSeconds * 0.95).left);  // still a tap
}

TEST_CASE("a long press lifted before any frame saw it is still a right click") {
  TouchGestures touch;
  touch.finger_down(1, 5, 5, 0.0);
  touch.finger_up(1, 5, 5, 0.9);
  TouchGestures::Pointer p = touch.frame(1.0);
  CHECK(p.right);
  CHECK_FALSE(p.left);
  CHECK_FALSE(touch.frame(1.0 + kFrame).right);
  CHECK_FALSE(touch.frame(1.0 + 2 * kFrame).present);
}

TEST_CASE("a drag presses where the finger first touched, then follows it, and never turns into a long press") {
  TouchGestures touch;
  touch.finger_down(3, 100, 100, 0.0);
  CHECK_FALSE(touch.frame(kFrame).left);  // still within the slop: no press yet
  touch.finger_move(3, 130, 100, 2 * kFrame);
  TouchGestures::Pointer press = touch.frame(2 * kFrame);
  CHECK(press.left);
  CHECK(press.x == 100);  // a slider grabbed here does not jump by the slop
  CHECK(touch.drag_began_this_frame());
  touch.finger_move(3, 160, 120, 3 * kFrame);
  TouchGestures::Pointer held = touch.frame(3 * kFrame);
  CHECK_FALSE(touch.drag_began_this_frame());
  CHECK(held.left);
  CHECK(held.x == 160);
  CHECK(held.y == 120);
  CHECK_FALSE(touch.frame(2.0).right);  // held still for long after moving: still a drag
  CHECK(touch.frame(2.0).scroll_y == 0);
  touch.finger_up(3, 160, 120, 2.1);
  TouchGestures::Pointer up = touch.frame(2.1);
  CHECK_FALSE(up.left);
  CHECK(up.x == 160);
  CHECK(up.scroll_x == 0);
  CHECK_FALSE(touch.frame(2.2).present);
}

TEST_CASE("a drag that began on empty space lifts the button and scrolls by everything the finger moved") {
  TouchGestures touch;
  touch.finger_down(4, 200, 400, 0.0);
  touch.finger_move(4, 200, 380, kFrame);
  CHECK(touch.frame(kFrame).left);
  REQUIRE(touch.drag_began_this_frame());
  touch.press_hit_nothing();
  CHECK(touch.scrolling());
  float total_y = 0;
  TouchGestures::Pointer first = touch.frame(2 * kFrame);
  CHECK_FALSE(first.left);
  total_y += first.scroll_y;
  for (int i = 1; i <= 10; ++i) {
    touch.finger_move(4, 200, 380.0f - 15.0f * static_cast<float>(i), (2 + i) * kFrame);
    TouchGestures::Pointer p = touch.frame((2 + i) * kFrame);
    CHECK_FALSE(p.left);
    CHECK_FALSE(p.right);
    total_y += p.scroll_y;
  }
  touch.finger_move(4, 200, 200, 13 * kFrame);
  touch.finger_up(4, 200, 190, 13 * kFrame);
  TouchGestures::Pointer last = touch.frame(14 * kFrame);
  total_y += last.scroll_y;
  CHECK(total_y == doctest::Approx(190 - 400));  // the content followed the finger all the way
  CHECK_FALSE(touch.frame(15 * kFrame).present);
}

TEST_CASE("a second finger is ignored, and a new gesture starts only after the first ends") {
  TouchGestures touch;
  touch.finger_down(1, 10, 10, 0.0);
  touch.finger_down(2, 300, 300, 0.01);
  touch.finger_move(2, 400, 400, 0.02);
  touch.finger_up(2, 400, 400, 0.03);
  TouchGestures::Pointer p = touch.frame(kFrame);
  CHECK(p.present);
  CHECK_FALSE(p.left);  // finger 2 neither dragged nor tapped
  CHECK(p.x == 10);
  touch.finger_up(1, 10, 10, 0.1);
  CHECK(touch.frame(0.1 + kFrame).left);
  touch.press_hit_nothing();  // only a drag can become a scroll
  CHECK_FALSE(touch.scrolling());
}
