// The command lines of the training and measuring tools: "--name value"
// pairs, declared once per tool, parsed and checked in one place, with one
// message format ("train_char_lm: --steps must be a whole number from ...").
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

// Prints "program: message" to stderr and exits with status 1.
[[noreturn]] void tool_fail(const char* program, const std::string& message);

class ToolOptions {
 public:
  explicit ToolOptions(std::string program) : program_(std::move(program)) {}

  ToolOptions& text(const char* name, std::string* out, const char* placeholder);
  ToolOptions& whole(const char* name, int* out, int lo, int hi);
  ToolOptions& number(const char* name, float* out);  // finite and >= 0
  ToolOptions& seed(const char* name, uint64_t* out);  // 0 to 2^30
  // Fills in every option given; an unknown option, a missing value or a bad
  // one ends the program with a message and the usage.
  void parse(int argc, char** argv) const;
  [[noreturn]] void fail(const std::string& message) const;

 private:
  struct Option {
    std::string name, placeholder;
    std::function<void(const std::string& value)> set;
  };
  std::string usage() const;
  int parse_whole(const std::string& option, const std::string& value, int lo, int hi) const;

  std::string program_;
  std::vector<Option> options_;
};
