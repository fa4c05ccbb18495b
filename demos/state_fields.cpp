#include "demos/state_fields.h"

#include <cassert>

double StateField::value() const {
  switch (type) {
    case FieldType::Number: return *number;
    case FieldType::Integer:
    case FieldType::Choice: return *integer;
    case FieldType::Boolean: return *boolean ? 1.0 : 0.0;
    case FieldType::Text: return 0;
  }
  return 0;
}

void StateField::set(double v) const {
  switch (type) {
    case FieldType::Number: *number = static_cast<float>(v); break;
    case FieldType::Integer:
    case FieldType::Choice: *integer = static_cast<int>(v); break;
    case FieldType::Boolean: *boolean = v != 0; break;
    case FieldType::Text: break;
  }
}

void StateField::reset() const {
  if (type == FieldType::Text) *text = default_text;
  else set(default_value);
}

void StateFields::number(const char* key, float* target, float default_value, float min, float max) {
  StateField f;
  f.key = key;
  f.type = FieldType::Number;
  f.number = target;
  f.default_value = default_value;
  f.min = min;
  f.max = max;
  fields_.push_back(f);
}

void StateFields::integer(const char* key, int* target, int default_value, int min, int max) {
  StateField f;
  f.key = key;
  f.type = FieldType::Integer;
  f.integer = target;
  f.default_value = default_value;
  f.min = min;
  f.max = max;
  fields_.push_back(f);
}

void StateFields::boolean(const char* key, bool* target, bool default_value) {
  StateField f;
  f.key = key;
  f.type = FieldType::Boolean;
  f.boolean = target;
  f.default_value = default_value ? 1 : 0;
  f.min = 0;
  f.max = 1;
  fields_.push_back(f);
}

void StateFields::choice(const char* key, int* target, std::vector<std::string> choices, int default_index) {
  assert(!choices.empty() && default_index >= 0 && default_index < static_cast<int>(choices.size()));
  StateField f;
  f.key = key;
  f.type = FieldType::Choice;
  f.integer = target;
  f.default_value = default_index;
  f.min = 0;
  f.max = static_cast<double>(choices.size()) - 1;
  f.choices = std::move(choices);
  fields_.push_back(f);
}

void StateFields::text(const char* key, std::string* target, std::string default_text, size_t max_length,
                       bool (*valid)(const std::string&)) {
  StateField f;
  f.key = key;
  f.type = FieldType::Text;
  f.text = target;
  f.default_text = std::move(default_text);
  f.max_length = max_length;
  f.text_valid = valid;
  fields_.push_back(f);
}

const StateField* StateFields::find(const std::string& key) const {
  for (const StateField& f : fields_)
    if (f.key == key) return &f;
  return nullptr;
}

void StateFields::reset_all() const {
  for (const StateField& f : fields_) f.reset();
}
