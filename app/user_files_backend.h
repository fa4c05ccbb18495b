// How demos/user_files.h reaches the user's files: in the browser a hidden
// file input, drag and drop onto the canvas, paste, and downloads; natively a
// file dropped on the window (SDL_DROPFILE), --input FILE and --output FILE.
#pragma once

#include <string>

namespace user_files_backend {

void init();  // installs the backend (in the browser: the page's listeners)
void set_output_path(const std::string& path);  // native --output FILE: where save_png writes
void open_path(const std::string& path);        // native: --input FILE, or a file dropped on the window

}  // namespace user_files_backend
