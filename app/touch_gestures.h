// One finger on a touch screen, turned into what the UI expects of a mouse
// (issue 14): a tap clicks, a drag on a widget drags it, a drag on a window's
// empty space scrolls that window (the content follows the finger), and a
// long press, held still, is a right click. Phones have no right button and
// no wheel, and without this their users could neither remove a point nor
// scroll a stacked view.
//
// The press is held back until the finger moves past the slop or lifts, so a
// long press does not also click. Pure logic on positions and times; the
// platform layer feeds it SDL's finger events and applies each frame's result
// to ImGui (app/platform.cpp).
#pragma once

class TouchGestures {
 public:
  static constexpr double kLongPressSeconds = 0.5;
  static constexpr float kSlopPixels = 10;  // movement below this is a finger's jitter, not a drag

  // What the mouse does this frame.
  struct Pointer {
    bool present = false;  // a gesture drives the mouse; otherwise leave it to the real mouse
    float x = 0, y = 0;    // logical pixels
    bool left = false, right = false;
    float scroll_x = 0, scroll_y = 0;  // pixels the content under the finger moved by since the last frame
  };

  // Positions in logical pixels, times in seconds. A second finger is ignored.
  void finger_down(long long finger, float x, float y, double now);
  void finger_move(long long finger, float x, float y, double now);
  void finger_up(long long finger, float x, float y, double now);

  // Once per frame, before the UI runs.
  Pointer frame(double now);
  // True in the frame whose press began a drag: the platform asks the UI
  // whether the press landed on a widget, and calls press_hit_nothing() if not.
  bool drag_began_this_frame() const { return drag_began_; }
  void press_hit_nothing();
  bool scrolling() const { return phase_ == Phase::Scrolling; }

 private:
  enum class Phase {
    Idle,
    Pending,    // finger down, still within the slop, not yet long enough to be a long press
    Tapping,    // lifted while pending: press this frame, release the next
    Dragging,   // the left button is down and follows the finger
    Scrolling,  // a drag that began on empty space
    LongPress,  // the right click was sent; waiting for the finger to lift
    Releasing,  // one frame with the buttons up at the last position, then Idle
  };
  Phase phase_ = Phase::Idle;
  long long finger_ = -1;
  float start_x_ = 0, start_y_ = 0;  // where the finger went down
  float x_ = 0, y_ = 0;              // where it is now
  float scrolled_x_ = 0, scrolled_y_ = 0;  // the finger position the scroll has caught up with
  double down_time_ = 0;
  bool lifted_ = false;      // the finger is off the screen (Tapping, LongPress)
  bool press_sent_ = false;  // Tapping / Dragging / LongPress: the button went down in an earlier frame
  bool drag_began_ = false;
};
