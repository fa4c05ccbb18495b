// How demos/assets.h fetches files: in the browser with fetch() and progress,
// natively from the `data/` folder next to the executable.
#pragma once

namespace assets_backend {

void init();

}  // namespace assets_backend
