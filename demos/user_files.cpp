#include "demos/user_files.h"

#include <cstdio>
#include <deque>
#include <utility>

// stb_image_write with internal linkage: only encode_png uses it.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#include <stb/stb_image_write.h>

namespace {

constexpr size_t kMaxWaitingFiles = 4;  // a burst of drops keeps the newest
constexpr size_t kMaxWaitingMessages = 8;

struct UserFile {
  std::string name;
  std::vector<uint8_t> bytes;
};

struct State {
  const UserFilesBackend* backend = nullptr;
  std::string directory = ".";
  std::deque<UserFile> files;
  std::deque<std::string> messages;
};
State g_state;

std::string size_text(size_t bytes) {
  char text[32];
  if (bytes >= (size_t{1} << 20)) std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1048576.0);
  else std::snprintf(text, sizeof text, "%.0f KB", static_cast<double>(bytes) / 1024.0);
  return text;
}

void append_bytes(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<uint8_t>*>(context);
  const auto* p = static_cast<const uint8_t*>(data);
  out->insert(out->end(), p, p + size);
}

}  // namespace

void request_open_image() {
  if (g_state.backend && g_state.backend->open_image) g_state.backend->open_image();
  else post_user_files_message("Opening files is not available here.");
}

bool take_user_file(std::string* name, std::vector<uint8_t>* bytes) {
  if (g_state.files.empty()) return false;
  *name = std::move(g_state.files.front().name);
  *bytes = std::move(g_state.files.front().bytes);
  g_state.files.pop_front();
  return true;
}

bool encode_png(const RgbImage& image, std::vector<uint8_t>* png, std::string* error) {
  size_t pixels = static_cast<size_t>(image.width) * static_cast<size_t>(image.height);
  if (image.width <= 0 || image.height <= 0 || image.width > 16384 || image.height > 16384 ||
      image.rgba.size() != pixels * 4) {
    *error = "there is no image to save";
    return false;
  }
  std::vector<uint8_t> rgb(pixels * 3);
  for (size_t i = 0; i < pixels; ++i)
    for (size_t c = 0; c < 3; ++c) rgb[i * 3 + c] = image.rgba[i * 4 + c];
  png->clear();
  if (!stbi_write_png_to_func(append_bytes, png, image.width, image.height, 3, rgb.data(), image.width * 3)) {
    *error = "the PNG encoder failed";
    return false;
  }
  return true;
}

std::string save_png_with_message(const std::string& suggested_name, const RgbImage& image) {
  std::vector<uint8_t> png;
  std::string error;
  if (!encode_png(image, &png, &error)) return "Could not save " + suggested_name + ": " + error + ".";
  if (g_state.backend && g_state.backend->save_file) return g_state.backend->save_file(suggested_name, png);
  return write_user_file(g_state.directory + "/" + suggested_name, png);
}

void save_png(const std::string& suggested_name, const RgbImage& image) {
  post_user_files_message(save_png_with_message(suggested_name, image));
}

bool take_user_files_message(std::string* text) {
  if (g_state.messages.empty()) return false;
  *text = std::move(g_state.messages.front());
  g_state.messages.pop_front();
  return true;
}

void deliver_user_file(std::string name, std::vector<uint8_t> bytes) {
  if (bytes.size() > kMaxUserFileBytes) {
    post_user_files_message(name + " is " + size_text(bytes.size()) + "; files up to " + size_text(kMaxUserFileBytes) +
                            " can be opened.");
    return;
  }
  if (bytes.empty()) {
    post_user_files_message(name + " is empty.");
    return;
  }
  if (g_state.files.size() >= kMaxWaitingFiles) g_state.files.pop_front();
  g_state.files.push_back(UserFile{std::move(name), std::move(bytes)});
}

void post_user_files_message(std::string text) {
  if (g_state.messages.size() >= kMaxWaitingMessages) g_state.messages.pop_front();
  g_state.messages.push_back(std::move(text));
}

void set_user_files_backend(const UserFilesBackend* backend) { g_state.backend = backend; }
void set_user_files_directory(const std::string& directory) { g_state.directory = directory; }

std::string write_user_file(const std::string& path, const std::vector<uint8_t>& bytes) {
  FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) return "Could not write " + path + " (cannot open it for writing).";
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  ok = std::fclose(file) == 0 && ok;
  if (!ok) return "Could not write " + path + " (the disk may be full).";
  return "Saved " + path + " (" + size_text(bytes.size()) + ").";
}
