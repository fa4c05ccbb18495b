// The user's own files, as services the platform provides (like demos/assets.h):
// opening an image (browser: file picker, drag and drop onto the canvas, paste;
// natively: a file dropped on the window, or --input FILE) and saving a PNG
// (browser: a download; natively: a file, --output FILE for headless runs).
// Demos poll take_user_file() and take_user_files_message() once a frame.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "demos/rgb_image.h"

constexpr size_t kMaxUserFileBytes = size_t{32} << 20;  // larger files are refused with a message

// Opens the browser's file picker for images (natively: a message on how to open one).
void request_open_image();
// The next file the user opened, dropped or pasted, oldest first; false if none.
bool take_user_file(std::string* name, std::vector<uint8_t>* bytes);

// Encodes `image` as PNG and downloads or writes it; the outcome ("Saved ...",
// "Could not ...") arrives through take_user_files_message().
void save_png(const std::string& suggested_name, const RgbImage& image);
// The same, returning the outcome's message instead of queueing it (the
// shell's Save view shows its own message and leaves the demo's queue alone).
std::string save_png_with_message(const std::string& suggested_name, const RgbImage& image);
// Messages for the user about files (saved, refused, failed), oldest first.
bool take_user_files_message(std::string* text);

// PNG bytes of `image` (opaque RGB; alpha is dropped). False with a message on a bad image.
bool encode_png(const RgbImage& image, std::vector<uint8_t>* png, std::string* error);

// --- For the platform's backend (app/user_files_backend.cpp) ---------------------
// A file arrived: queued for take_user_file(), or refused with a message if too large.
void deliver_user_file(std::string name, std::vector<uint8_t> bytes);
void post_user_files_message(std::string text);

struct UserFilesBackend {
  void (*open_image)() = nullptr;
  // Downloads or writes `bytes`; returns the message for the user.
  std::string (*save_file)(const std::string& name, const std::vector<uint8_t>& bytes) = nullptr;
};
// Without one (unit tests, tools): opening says it is not available, and saving
// writes `name` into the directory given here (default: the current one).
void set_user_files_backend(const UserFilesBackend* backend);
void set_user_files_directory(const std::string& directory);
// Writes bytes to a path; the message says where, or why not.
std::string write_user_file(const std::string& path, const std::vector<uint8_t>& bytes);
