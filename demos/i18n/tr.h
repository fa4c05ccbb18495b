// Translating UI text: every user-facing English string goes through tr()
// (text) or tr_id() (a widget label), and its Korean lives in one table per
// demo (demos/<demo>/*_ko.cpp, listed in korean_tables.h). A string without
// a Korean row falls back to English; `node tools/ui_strings.js --check`
// lists those, and a doctest checks every row's placeholders match.
#pragma once

#include <string>

namespace i18n {

// The current language's text for `english`. A label's "##id" suffix is kept
// and not translated. The result lives for the whole run.
const char* tr(const char* english);

// A widget label whose ImGui ID does not depend on the language:
// "shown###english", so switching language keeps open headers, active
// drags and tab state. The result lives for the whole run.
const char* tr_id(const char* english_label);

// printf into a std::string, for messages built from a translated format.
std::string format(const char* format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

}  // namespace i18n

// Marks a string literal that is translated later (a demo's title(), an
// entry of a table of names): it reads back unchanged, and the string
// checker collects it like a tr() argument.
constexpr const char* translatable(const char* english) { return english; }

using i18n::tr;
using i18n::tr_id;
