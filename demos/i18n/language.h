// The language the UI speaks: English, or Korean for the notes' readers
// (issue 14). One process-wide setting; the shell sets it from the URL's
// `lang=` or the browser's preference, and every tr() call reads it.
#pragma once

#include <string_view>

namespace i18n {

enum class Language { English, Korean };

void set_language(Language language);
Language language();

const char* language_code(Language language);  // "en", "ko": the URL's `lang=` values
// Parses a `lang=` value; false for anything but "en" and "ko".
bool parse_language_code(std::string_view code, Language* out);
// A BCP 47 tag from the browser or a POSIX locale ("ko-KR", "ko_KR.UTF-8")
// to the language we show: Korean for any Korean tag, English otherwise.
Language language_for_locale(std::string_view locale);

}  // namespace i18n
