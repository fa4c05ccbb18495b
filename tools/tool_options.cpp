#include "tools/tool_options.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

ToolOptions& ToolOptions::text(const char* name, std::string* out, const char* placeholder) {
  options_.push_back({name, placeholder, [out](const std::string& value) { *out = value; }});
  return *this;
}

int ToolOptions::parse_whole(const std::string& option, const std::string& value, int lo, int hi) const {
  char* end = nullptr;
  const long parsed = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0' || parsed < lo || parsed > hi)
    fail(option + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) + ", not '" +
         value + "'");
  return static_cast<int>(parsed);
}

ToolOptions& ToolOptions::whole(const char* name, int* out, int lo, int hi) {
  const std::string option = name;
  options_.push_back({option, "N", [=, this](const std::string& value) { *out = parse_whole(option, value, lo, hi); }});
  return *this;
}

ToolOptions& ToolOptions::number(const char* name, float* out) {
  const std::string option = name;
  options_.push_back({option, "X", [this, option, out](const std::string& value) {
                        char* end = nullptr;
                        const float parsed = std::strtof(value.c_str(), &end);
                        if (value.empty() || *end != '\0' || !std::isfinite(parsed) || parsed < 0)
                          fail(option + " must be a number >= 0, not '" + value + "'");
                        *out = parsed;
                      }});
  return *this;
}

ToolOptions& ToolOptions::seed(const char* name, uint64_t* out) {
  const std::string option = name;
  options_.push_back({option, "S", [=, this](const std::string& value) {
                        *out = static_cast<uint64_t>(parse_whole(option, value, 0, 1 << 30));
                      }});
  return *this;
}

void ToolOptions::parse(int argc, char** argv) const {
  for (int i = 1; i < argc; i += 2) {
    const std::string name = argv[i];
    const Option* found = nullptr;
    for (const Option& option : options_)
      if (option.name == name) found = &option;
    if (!found) fail("unknown option '" + name + "' (usage: " + usage() + ")");
    if (i + 1 >= argc) fail(name + " needs a value");
    found->set(argv[i + 1]);
  }
}

void tool_fail(const char* program, const std::string& message) {
  std::fprintf(stderr, "%s: %s\n", program, message.c_str());
  std::exit(1);
}

void ToolOptions::fail(const std::string& message) const { tool_fail(program_.c_str(), message); }

std::string ToolOptions::usage() const {
  std::string text;
  for (const Option& option : options_) {
    if (!text.empty()) text.append(" ");
    text.append("[").append(option.name).append(" ").append(option.placeholder).append("]");
  }
  return text;
}
