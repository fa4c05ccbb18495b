#include "app/touch_gestures.h"

void TouchGestures::finger_down(long long finger, float x, float y, double now) {
  if (phase_ != Phase::Idle) return;  // one finger at a time
  phase_ = Phase::Pending;
  finger_ = finger;
  start_x_ = x_ = x;
  start_y_ = y_ = y;
  down_time_ = now;
  lifted_ = press_sent_ = false;
}

void TouchGestures::finger_move(long long finger, float x, float y, double) {
  if (finger != finger_ || phase_ == Phase::Idle) return;
  x_ = x;
  y_ = y;
  float dx = x - start_x_, dy = y - start_y_;
  if (phase_ == Phase::Pending && dx * dx + dy * dy > kSlopPixels * kSlopPixels) {
    phase_ = Phase::Dragging;  // the press goes down where the finger first touched, next frame
    press_sent_ = false;
  }
}

void TouchGestures::finger_up(long long finger, float x, float y, double now) {
  if (finger != finger_ || phase_ == Phase::Idle) return;
  finger_move(finger, x, y, now);
  switch (phase_) {
    case Phase::Pending:
      if (now - down_time_ >= kLongPressSeconds) {  // held long enough, lifted before a frame saw it
        phase_ = Phase::LongPress;
        lifted_ = true;
      } else {
        phase_ = Phase::Tapping;
      }
      break;
    case Phase::Dragging:
      phase_ = press_sent_ ? Phase::Releasing : Phase::Tapping;  // Tapping: a flick within one frame
      scrolled_x_ = x_, scrolled_y_ = y_;                           // a drag's release scrolls nothing
      break;
    case Phase::Scrolling: phase_ = Phase::Releasing; break;
    case Phase::LongPress: lifted_ = true; break;
    default: break;
  }
  finger_ = -1;
}

TouchGestures::Pointer TouchGestures::frame(double now) {
  drag_began_ = false;
  if (phase_ == Phase::Pending && now - down_time_ >= kLongPressSeconds) phase_ = Phase::LongPress;
  Pointer p;
  p.present = phase_ != Phase::Idle;
  p.x = start_x_;
  p.y = start_y_;
  switch (phase_) {
    case Phase::Idle:
    case Phase::Pending: break;  // hover where the finger is, no button yet
    case Phase::Tapping:
      // Down for one frame, up the next: ImGui sees the click even when the
      // finger lifted within a single frame.
      p.left = !press_sent_;
      if (press_sent_) phase_ = Phase::Idle;
      press_sent_ = true;
      break;
    case Phase::LongPress:
      p.right = !press_sent_;
      if (press_sent_ && lifted_) phase_ = Phase::Idle;
      press_sent_ = true;
      break;
    case Phase::Dragging:
      p.left = true;
      if (press_sent_) p.x = x_, p.y = y_;
      drag_began_ = !press_sent_;
      press_sent_ = true;
      break;
    case Phase::Scrolling:
      p.x = x_, p.y = y_;
      p.scroll_x = x_ - scrolled_x_;
      p.scroll_y = y_ - scrolled_y_;
      scrolled_x_ = x_, scrolled_y_ = y_;
      break;
    case Phase::Releasing:  // the last of a scroll's movement, with the button up
      p.x = x_, p.y = y_;
      p.scroll_x = x_ - scrolled_x_;
      p.scroll_y = y_ - scrolled_y_;
      phase_ = Phase::Idle;
      break;
  }
  return p;
}

void TouchGestures::press_hit_nothing() {
  if (phase_ != Phase::Dragging) return;
  phase_ = Phase::Scrolling;  // the next frame lifts the button and scrolls by all the finger has moved
  scrolled_x_ = start_x_;
  scrolled_y_ = start_y_;
}
