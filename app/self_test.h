// Hooks for the browser tests of the platform services, reached through
// window.playgroundSelfTest (web/bridge.js): run the count_primes background
// job through a real BackgroundTask, and capture files the page delivers.
// Idle unless a test calls them; the demos never see this.
#pragma once

namespace self_test {

void frame();  // polls what a test started; called by the platform once per frame

}  // namespace self_test
