// The declared, URL-serialisable state of a demo.
//
// A demo binds its own member variables here once (see Demo::declare_state);
// the URL codec, the "reset to defaults" button and playgroundStatus() are all
// written generically against this list, as TensorFlow Playground's state.ts is.
#pragma once

#include <string>
#include <vector>

enum class FieldType { Number, Integer, Boolean, Choice, Text };

struct StateField {
  std::string key;  // URL key: [A-Za-z0-9_]+, case-sensitive
  FieldType type = FieldType::Number;
  // Exactly one of these points at the demo's member, matching `type`.
  float* number = nullptr;
  int* integer = nullptr;  // also the index for Choice
  bool* boolean = nullptr;
  std::string* text = nullptr;
  std::string default_text;
  size_t max_length = 0;                           // for Text
  bool (*text_valid)(const std::string&) = nullptr;  // for Text: accepts a value from a URL
  double default_value = 0;  // for Boolean: 0 or 1; for Choice: the index
  double min = 0, max = 0;   // inclusive range for Number and Integer
  std::vector<std::string> choices;

  double value() const;            // current value as a double (0 for Text)
  void set(double v) const;        // writes the member (no range check; ignored for Text)
  void reset() const;
};

class StateFields {
 public:
  void number(const char* key, float* target, float default_value, float min, float max);
  void integer(const char* key, int* target, int default_value, int min, int max);
  void boolean(const char* key, bool* target, bool default_value);
  void choice(const char* key, int* target, std::vector<std::string> choices, int default_index = 0);
  // Free text of at most max_length characters that `valid` accepts (e.g. the user's own points).
  void text(const char* key, std::string* target, std::string default_text, size_t max_length,
            bool (*valid)(const std::string&));

  const std::vector<StateField>& all() const { return fields_; }
  const StateField* find(const std::string& key) const;
  void reset_all() const;

 private:
  std::vector<StateField> fields_;
};
