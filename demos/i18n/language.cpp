#include "demos/i18n/language.h"

namespace i18n {
namespace {
Language g_language = Language::English;
}

void set_language(Language language) { g_language = language; }
Language language() { return g_language; }

const char* language_code(Language language) { return language == Language::Korean ? "ko" : "en"; }

bool parse_language_code(std::string_view code, Language* out) {
  if (code == "en") *out = Language::English;
  else if (code == "ko") *out = Language::Korean;
  else return false;
  return true;
}

Language language_for_locale(std::string_view locale) {
  bool korean = locale.size() >= 2 && (locale[0] == 'k' || locale[0] == 'K') && (locale[1] == 'o' || locale[1] == 'O') &&
                (locale.size() == 2 || locale[2] == '-' || locale[2] == '_' || locale[2] == '.');
  return korean ? Language::Korean : Language::English;
}

}  // namespace i18n
