// The page's read-only view into the running app, for tests and embedders:
// window.playgroundStatus() returns a fresh object with at least
// {demo, frame, fps, state} and, for training demos, step and losses.
'use strict';

window.playgroundStatus = function playgroundStatus() {
  const module = window.Module;
  if (!module || !module.playgroundReady) return { ready: false, demo: null, frame: 0, fps: 0, state: {} };
  const text = module.UTF8ToString(module._playground_status_json());
  const status = JSON.parse(text);
  status.ready = true;
  return status;
};

// Test hooks of the platform services (app/self_test.cpp): count primes in a
// background job, capture files the page delivers, save a PNG,
// show an RGB image. Idle unless called.
window.playgroundSelfTest = {
  primes(limit, perStep) { window.Module._playground_self_test_primes(limit, perStep); },
  cancel() { window.Module._playground_self_test_cancel(); },
  pause(paused) { window.Module._playground_self_test_pause(paused ? 1 : 0); },
  captureFiles() { window.Module._playground_self_test_capture_files(); },
  savePng(width, height) { window.Module._playground_self_test_save_png(width, height); },
  showImage(shift, nearest) { window.Module._playground_self_test_show_image(shift, nearest ? 1 : 0); },
  status() { return JSON.parse(window.Module.UTF8ToString(window.Module._playground_self_test_json())); },
};
