#include "demos/i18n/tr.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "demos/i18n/korean_tables.h"
#include "demos/i18n/language.h"

namespace i18n {
namespace {

const std::unordered_map<std::string_view, const char*>& korean_by_english() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string_view, const char*>;
    size_t count = 0;
    const KoreanTable* tables = all_korean_tables(&count);
    for (size_t t = 0; t < count; ++t)
      for (size_t r = 0; r < tables[t].count; ++r) m->emplace(tables[t].rows[r].english, tables[t].rows[r].korean);
    return m;
  }();
  return *map;
}

// The shown part of `english` in the current language; `english` itself when
// there is no translation (the English fallback).
std::string_view translate_visible(std::string_view visible) {
  if (language() == Language::English) return visible;
  const auto& map = korean_by_english();
  auto it = map.find(visible);
  return it == map.end() ? visible : std::string_view(it->second);
}

// Strings assembled once per (language, text) and kept: ImGui takes const
// char* and the same label recurs every frame. Bounded by the strings in the
// code (a few hundred), not by anything the user types.
const char* keep(Language language, char kind, std::string_view english, std::string text) {
  static std::unordered_map<std::string, std::string> kept;
  std::string key;
  key.reserve(english.size() + 2);
  key += language == Language::Korean ? 'k' : 'e';
  key += kind;
  key += english;
  auto it = kept.find(key);
  if (it == kept.end()) it = kept.emplace(std::move(key), std::move(text)).first;
  return it->second.c_str();
}

}  // namespace

const char* tr(const char* english) {
  std::string_view text(english);
  size_t id_at = text.find("##");
  if (id_at == std::string_view::npos) {
    std::string_view shown = translate_visible(text);
    return shown.data() == text.data() ? english : shown.data();  // table strings are literals: NUL-terminated
  }
  std::string_view shown = translate_visible(text.substr(0, id_at));
  if (shown.data() == text.data()) return english;
  return keep(language(), 't', text, std::string(shown) + std::string(text.substr(id_at)));
}

const char* tr_id(const char* english_label) {
  std::string_view label(english_label);
  if (label.find("###") != std::string_view::npos) return tr(english_label);  // already a fixed ID
  size_t id_at = label.find("##");
  std::string_view shown = translate_visible(label.substr(0, id_at == std::string_view::npos ? label.size() : id_at));
  return keep(language(), 'i', label, std::string(shown) + "###" + std::string(label));
}

std::string format(const char* format, ...) {
  va_list args;
  va_start(args, format);
  va_list copy;
  va_copy(copy, args);
  int size = std::vsnprintf(nullptr, 0, format, copy);
  va_end(copy);
  std::string out;
  if (size > 0) {
    out.resize(static_cast<size_t>(size) + 1);
    std::vsnprintf(out.data(), out.size(), format, args);
    out.resize(static_cast<size_t>(size));
  }
  va_end(args);
  return out;
}

}  // namespace i18n
