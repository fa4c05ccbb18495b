// The URL-hash codec: `#demo=<name>&key=value&...` <-> a demo's StateFields.
//
// Pure functions, no platform or UI: the shell calls them, the tests hammer
// them with hostile input. Decoding never throws; everything it could not use
// is reported as a short human-readable notice.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "demos/i18n/language.h"
#include "demos/state_fields.h"

namespace url_state {

constexpr size_t kMaxHashLength = 8192;  // longer hashes are ignored whole
constexpr size_t kMaxPairs = 128;
constexpr size_t kMaxKeyLength = 32;

struct ParsedHash {
  std::string demo;  // value of `demo=`, empty when absent or invalid
  bool has_language = false;  // a valid `lang=en|ko` was given
  i18n::Language language = i18n::Language::English;
  std::vector<std::pair<std::string, std::string>> pairs;  // every other key, decoded
  std::vector<std::string> notices;                        // what was ignored, and why
};

// Splits and percent-decodes a hash (with or without the leading '#');
// `demo=` and `lang=` are taken out of the pairs.
ParsedHash parse_hash(std::string_view hash);

// Resets every field to its default, then applies the pairs that name a field
// and carry a valid value. Returns notices for unknown keys and bad values.
std::vector<std::string> apply_pairs(const std::vector<std::pair<std::string, std::string>>& pairs,
                                     const StateFields& fields);

// `demo=<name>&key=value...` for every declared field, in declaration order.
std::string encode_state(const std::string& demo, const StateFields& fields);

// Text of one field's current value, as written in the URL.
std::string format_value(const StateField& field);

// Parses text for a field; false when the text is not a valid value for it.
bool parse_value(const StateField& field, const std::string& text, double* out);

// Shortest decimal text that reads back as the same float.
std::string format_number(float value);

// Printable, bounded excerpt of untrusted text for a notice.
std::string quote_for_notice(std::string_view text);

}  // namespace url_state
