// Entry point, the same for the desktop app and the web build.
#include "app/assets_backend.h"
#include "app/background_backend.h"
#include "app/platform.h"
#include "app/shell.h"
#include "demos/registry.h"

int main(int argc, char** argv) {
  if (!platform::parse_command_line(argc, argv)) return 2;
  assets_backend::init();
  background_backend::init();
  // Lives for the whole program: in the browser, run() never returns.
  static Shell* shell = nullptr;
  platform::Options options;
  options.frame = [] { shell->frame(); };
  options.status_json = [] { return shell ? shell->status_json() : std::string("{}"); };
  shell = new Shell(make_all_demos());
  int code = platform::run(options);
  // Natively run() returns: the demos go first, so their background threads
  // are joined before static objects (the tensor pool, caches) are destroyed.
  delete shell;
  shell = nullptr;
  return code;
}
