// How demos/background_job.h runs jobs off the UI thread: natively one
// std::thread per running task (app/background_native.cpp), in the browser
// one Web Worker with its own wasm instance per task (app/background_web.cpp,
// web/background_host.js, web/compute_worker.js).
#pragma once

#include "demos/background_job.h"

namespace background_backend {

BackgroundBackend* get();  // this platform's backend (lives for the program)
void init();               // registers the job kinds and installs get()

}  // namespace background_backend
