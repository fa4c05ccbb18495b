#include "app/url_state.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "demos/i18n/language.h"
#include "demos/i18n/tr.h"

namespace url_state {
namespace {

// Keys are case-sensitive; upper case lets a key name a symbol (the temperature demo's `T`).
bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool valid_key(std::string_view key) {
  if (key.empty() || key.size() > kMaxKeyLength) return false;
  for (char c : key)
    if (!is_key_char(c)) return false;
  return true;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding; '+' stays '+' (this is a hash, not a form body).
bool percent_decode(std::string_view in, std::string* out) {
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out->push_back(in[i]);
      continue;
    }
    if (i + 2 >= in.size()) return false;  // truncated escape
    int hi = hex_digit(in[i + 1]), lo = hex_digit(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out->push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  return true;
}

// Characters that never need escaping in our values (all legal in a URL
// fragment, none of them '&' or '='); everything else is %XX.
bool is_plain_value_char(char c) {
  return is_key_char(c) || (c >= 'A' && c <= 'Z') || c == '-' || c == '.' || c == ',' || c == ':' || c == '~' || c == '+';
}

std::string percent_encode(std::string_view in) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : in) {
    if (is_plain_value_char(c)) {
      out.push_back(c);
    } else {
      unsigned char u = static_cast<unsigned char>(c);
      out.push_back('%');
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 15]);
    }
  }
  return out;
}

// Whole-string decimal parse; rejects empty, trailing junk, inf and nan.
bool parse_finite(const std::string& text, double* out) {
  if (text.empty() || text.size() > 40) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) return false;
  errno = 0;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

}  // namespace

std::string quote_for_notice(std::string_view text) {
  constexpr size_t kMax = 24;
  std::string out = "'";
  for (size_t i = 0; i < text.size() && i < kMax; ++i) {
    char c = text[i];
    out.push_back(c >= 0x20 && c < 0x7f ? c : '?');
  }
  if (text.size() > kMax) out += "...";
  out += "'";
  return out;
}

ParsedHash parse_hash(std::string_view hash) {
  ParsedHash result;
  if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
  if (hash.size() > kMaxHashLength) {
    result.notices.push_back(i18n::format(tr("link state too long (%zu characters); ignored"), hash.size()));
    return result;
  }
  size_t pair_count = 0;
  while (!hash.empty()) {
    size_t amp = hash.find('&');
    std::string_view piece = hash.substr(0, amp);
    hash = amp == std::string_view::npos ? std::string_view() : hash.substr(amp + 1);
    if (piece.empty()) continue;  // tolerate "&&" and a trailing '&'
    if (++pair_count > kMaxPairs) {
      result.notices.push_back(i18n::format(tr("too many entries; ignored after %zu"), kMaxPairs));
      break;
    }
    size_t eq = piece.find('=');
    if (eq == std::string_view::npos) {
      result.notices.push_back(i18n::format(tr("ignored %s (no value)"), quote_for_notice(piece).c_str()));
      continue;
    }
    std::string key, value;
    if (!percent_decode(piece.substr(0, eq), &key) || !valid_key(key)) {
      result.notices.push_back(i18n::format(tr("ignored bad key %s"), quote_for_notice(piece.substr(0, eq)).c_str()));
      continue;
    }
    if (!percent_decode(piece.substr(eq + 1), &value)) {
      result.notices.push_back(i18n::format(tr("ignored %s (bad escape in value)"), key.c_str()));
      continue;
    }
    if (key == "demo") {
      result.demo = value;
    } else if (key == "lang") {
      if (i18n::parse_language_code(value, &result.language)) result.has_language = true;
      else result.notices.push_back(i18n::format(tr("unknown language %s (lang= takes en or ko)"), quote_for_notice(value).c_str()));
    } else {
      result.pairs.emplace_back(std::move(key), std::move(value));
    }
  }
  return result;
}

std::string format_number(float value) {
  char buffer[32];
  for (int precision = 1; precision <= 9; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, static_cast<double>(value));
    if (std::strtof(buffer, nullptr) == value) break;
  }
  return buffer;
}

std::string format_value(const StateField& field) {
  switch (field.type) {
    case FieldType::Number: return format_number(*field.number);
    case FieldType::Integer: return std::to_string(*field.integer);
    case FieldType::Boolean: return *field.boolean ? "1" : "0";
    case FieldType::Choice: {
      int i = *field.integer;
      return i >= 0 && i < static_cast<int>(field.choices.size()) ? field.choices[i] : field.choices.front();
    }
    case FieldType::Text: return *field.text;
  }
  return "";
}

bool parse_value(const StateField& field, const std::string& text, double* out) {
  switch (field.type) {
    case FieldType::Number: {
      // Range-checked as the float the field stores: "0.9" must fit a max of 0.9f.
      double v;
      if (!parse_finite(text, &v)) return false;
      float f = static_cast<float>(v);
      if (!std::isfinite(f) || f < static_cast<float>(field.min) || f > static_cast<float>(field.max)) return false;
      *out = f;
      return true;
    }
    case FieldType::Integer: {
      double v;
      if (!parse_finite(text, &v) || v != std::floor(v) || v < field.min || v > field.max) return false;
      *out = v;
      return true;
    }
    case FieldType::Boolean:
      if (text == "1" || text == "true") { *out = 1; return true; }
      if (text == "0" || text == "false") { *out = 0; return true; }
      return false;
    case FieldType::Choice:
      for (size_t i = 0; i < field.choices.size(); ++i)
        if (field.choices[i] == text) { *out = static_cast<double>(i); return true; }
      return false;
    case FieldType::Text:
      *out = 0;
      return text.size() <= field.max_length && (!field.text_valid || field.text_valid(text));
  }
  return false;
}

std::vector<std::string> apply_pairs(const std::vector<std::pair<std::string, std::string>>& pairs,
                                     const StateFields& fields) {
  std::vector<std::string> notices;
  fields.reset_all();
  for (const auto& [key, value] : pairs) {
    const StateField* field = fields.find(key);
    if (!field) {
      notices.push_back(i18n::format(tr("unknown key %s"), quote_for_notice(key).c_str()));
      continue;
    }
    double v;
    if (parse_value(*field, value, &v)) {
      if (field->type == FieldType::Text) *field->text = value;
      else field->set(v);
    } else {
      notices.push_back(i18n::format(tr("bad value %s=%s (using %s)"), key.c_str(), quote_for_notice(value).c_str(), format_value(*field).c_str()));
    }
  }
  return notices;
}

std::string encode_state(const std::string& demo, const StateFields& fields) {
  std::string out = "demo=" + percent_encode(demo);
  for (const StateField& f : fields.all()) out += "&" + f.key + "=" + percent_encode(format_value(f));
  return out;
}

}  // namespace url_state
