#include "app/user_files_backend.h"

#include <cstdint>
#include <cstdlib>
#include <vector>

#include "demos/user_files.h"
#include "engine/io/bytes.h"

namespace {

std::string g_output_path;

std::string file_name_of(const std::string& path) {
  size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

#ifdef __EMSCRIPTEN__
#include <emscripten.h>

namespace {

// The page's ways of handing us a file. Each reads at most `limit` bytes: a
// larger file is refused by its size before any of it is read.
EM_JS(void, js_install_user_files, (int limit), {
  const sizeText = (bytes) => (bytes / 1048576).toFixed(1) + " MB";
  const passString = (text) => {
    const size = lengthBytesUTF8(text) + 1;
    const pointer = _malloc(size);
    stringToUTF8(text, pointer, size);
    return pointer;
  };
  const deliver = (file) => {
    const name = file.name || "pasted image";
    if (file.size > limit) {
      _playground_user_file_refused(passString(name + " is " + sizeText(file.size) + "; files up to " +
                                               sizeText(limit) + " can be opened."));
      return;
    }
    file.arrayBuffer().then((buffer) => {
      const bytes = new Uint8Array(buffer);
      const pointer = _malloc(Math.max(1, bytes.length));
      HEAPU8.set(bytes, pointer);
      _playground_user_file(passString(name), pointer, bytes.length);
    }, (error) => {
      _playground_user_file_refused(passString("Could not read " + name + " (" + (error.message || error) + ")."));
    });
  };
  const input = document.createElement("input");
  input.type = "file";
  input.accept = "image/*";
  input.hidden = true;
  input.addEventListener("change", () => {
    if (input.files && input.files.length) deliver(input.files[0]);
    input.value = "";  // choosing the same file again fires 'change' again
  });
  document.body.appendChild(input);
  Module.playgroundOpenFilePicker = () => input.click();

  // Drops anywhere on the page (the canvas covers it) open the first file,
  // instead of the browser navigating away to it.
  window.addEventListener("dragover", (event) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
  });
  window.addEventListener("drop", (event) => {
    event.preventDefault();
    const files = event.dataTransfer ? event.dataTransfer.files : null;
    if (files && files.length) deliver(files[0]);
  });
  // Ctrl/Cmd+V of an image; text pastes are left to ImGui.
  window.addEventListener("paste", (event) => {
    const items = event.clipboardData ? event.clipboardData.items : [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.kind === "file" && item.type.startsWith("image/")) {
        const file = item.getAsFile();
        if (file) {
          event.preventDefault();
          deliver(file);
          return;
        }
      }
    }
  });
});

EM_JS(void, js_open_file_picker, (), { if (Module.playgroundOpenFilePicker) Module.playgroundOpenFilePicker(); });

// 1 when the download was started; 0 inside a sandboxed embed (opaque
// origin), where browsers block downloads unless the host allows them.
EM_JS(int, js_download, (const char* name_pointer, const uint8_t* data, int size), {
  const name = UTF8ToString(name_pointer);
  const blob = new Blob([HEAPU8.slice(data, data + size)], { type: "image/png" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return self.origin === "null" ? 0 : 1;
});

std::string download(const std::string& name, const std::vector<uint8_t>& bytes) {
  if (js_download(name.c_str(), bytes.data(), static_cast<int>(bytes.size())))
    return "Downloaded " + name + " (" + std::to_string((bytes.size() + 1023) / 1024) + " KB).";
  return "Downloading " + name + " may be blocked inside this embedded page; open the playground in its own tab to save.";
}

const UserFilesBackend kBrowserBackend{js_open_file_picker, download};

}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void playground_user_file(char* name, uint8_t* data, int size) {
  std::vector<uint8_t> bytes(data, data + size);
  std::free(data);
  deliver_user_file(name, std::move(bytes));
  std::free(name);
}

EMSCRIPTEN_KEEPALIVE void playground_user_file_refused(char* message) {
  post_user_files_message(message);
  std::free(message);
}
}

namespace user_files_backend {
void init() {
  set_user_files_backend(&kBrowserBackend);
  js_install_user_files(static_cast<int>(kMaxUserFileBytes));
}
}  // namespace user_files_backend

#else

namespace {

void explain_how_to_open() {
  post_user_files_message("Drop an image file onto the window to open it (or start the app with --input FILE).");
}

std::string write_file(const std::string& name, const std::vector<uint8_t>& bytes) {
  return write_user_file(g_output_path.empty() ? name : g_output_path, bytes);
}

const UserFilesBackend kDesktopBackend{explain_how_to_open, write_file};

}  // namespace

namespace user_files_backend {
void init() { set_user_files_backend(&kDesktopBackend); }
}  // namespace user_files_backend

#endif

namespace user_files_backend {

void set_output_path(const std::string& path) { g_output_path = path; }

void open_path(const std::string& path) {
  std::vector<uint8_t> bytes;
  std::string error;
  if (read_whole_file(path, kMaxUserFileBytes, bytes, error)) deliver_user_file(file_name_of(path), std::move(bytes));
  else post_user_files_message("Could not open " + path + ": " + error + ".");
}

}  // namespace user_files_backend
