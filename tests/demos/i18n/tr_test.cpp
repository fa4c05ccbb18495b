// tests/demos/i18n/tr_test.cpp: tr()/tr_id(), the language setting and every
// Korean table (issue 14). `node tools/ui_strings.js --check` covers the other
// direction: every text the sources pass to tr() has a row.
#include "demos/i18n/tr.h"

#include <doctest/doctest.h>

#include <cstring>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "app/url_state.h"
#include "demos/i18n/korean_tables.h"
#include "demos/i18n/language.h"

namespace {

// Restores English when a test ends, so no other test sees Korean.
struct LanguageScope {
  explicit LanguageScope(i18n::Language language) { i18n::set_language(language); }
  ~LanguageScope() { i18n::set_language(i18n::Language::English); }
};

std::vector<std::string> placeholders(const std::string& text) {
  static const std::regex conversion(R"(%(%|[-+ #0]*\d*(\.\d+)?(hh|h|ll|l|z|j|t|L)?[diouxXeEfFgGaAcspn]))");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), conversion); it != std::sregex_iterator(); ++it)
    if (it->str() != "%%") out.push_back(it->str());
  return out;
}

}  // namespace

TEST_CASE("every Korean row has both languages, no ID suffix, and the English row's placeholders in order") {
  size_t count = 0;
  const i18n::KoreanTable* tables = i18n::all_korean_tables(&count);
  REQUIRE(count == 6);
  size_t rows = 0;
  for (size_t t = 0; t < count; ++t) {
    CAPTURE(tables[t].name);
    for (size_t r = 0; r < tables[t].count; ++r) {
      const i18n::KoreanRow& row = tables[t].rows[r];
      CAPTURE(row.english);
      CHECK(std::strlen(row.english) > 0);
      CHECK(std::strlen(row.korean) > 0);
      CHECK(std::strstr(row.english, "##") == nullptr);
      CHECK(placeholders(row.english) == placeholders(row.korean));
      ++rows;
    }
  }
  CHECK(rows > 30);
}

TEST_CASE("the placeholder reader sees conversions, not literal percents") {
  CHECK(placeholders("%d of %.2f%% at %s") == std::vector<std::string>{"%d", "%.2f", "%s"});
  CHECK(placeholders("100%% sure").empty());
}

TEST_CASE("tr shows English in English, the table's Korean in Korean, and English where a row is missing") {
  CHECK(std::string(tr("Copy link")) == "Copy link");
  LanguageScope korean(i18n::Language::Korean);
  CHECK(std::string(tr("Copy link")) == "링크 복사");
  CHECK(std::string(tr("no such text in any table")) == "no such text in any table");
  // An ImGui ID suffix is kept and not translated.
  CHECK(std::string(tr("Copy link##header")) == "링크 복사##header");
  // The same pointer every frame: ImGui may keep it.
  CHECK(tr("Copy link##header") == tr("Copy link##header"));
}

TEST_CASE("tr_id gives a label whose ID part is the same in both languages") {
  std::string english = tr_id("Copy link##x");
  CHECK(english == "Copy link###Copy link##x");
  LanguageScope korean(i18n::Language::Korean);
  std::string shown_korean = tr_id("Copy link##x");
  CHECK(shown_korean == "링크 복사###Copy link##x");
  CHECK(english.substr(english.find("###")) == shown_korean.substr(shown_korean.find("###")));
}

TEST_CASE("language codes and locale tags") {
  i18n::Language language = i18n::Language::English;
  CHECK(i18n::parse_language_code("ko", &language));
  CHECK(language == i18n::Language::Korean);
  CHECK(i18n::parse_language_code("en", &language));
  CHECK(language == i18n::Language::English);
  for (const char* bad : {"", "KO", "kor", "fr", "ko-KR"}) CHECK_FALSE(i18n::parse_language_code(bad, &language));
  for (const char* korean : {"ko", "ko-KR", "ko_KR.UTF-8", "KO-kr"})
    CHECK(i18n::language_for_locale(korean) == i18n::Language::Korean);
  for (const char* other : {"", "C", "C.UTF-8", "en-US", "kok", "korean", "de_DE.UTF-8"})
    CHECK(i18n::language_for_locale(other) == i18n::Language::English);
}

TEST_CASE("lang= in a link is taken out of the demo's pairs; a bad value is a notice") {
  url_state::ParsedHash good = url_state::parse_hash("#demo=dropout&lang=ko&p=0.5");
  CHECK(good.has_language);
  CHECK(good.language == i18n::Language::Korean);
  REQUIRE(good.pairs.size() == 1);
  CHECK(good.pairs[0].first == "p");
  CHECK(good.notices.empty());

  url_state::ParsedHash bad = url_state::parse_hash("demo=dropout&lang=xx");
  CHECK_FALSE(bad.has_language);
  REQUIRE(bad.notices.size() == 1);
  CHECK(bad.notices[0].find("unknown language") != std::string::npos);
  CHECK(bad.pairs.empty());
}

TEST_CASE("a notice is written in the current language") {
  LanguageScope korean(i18n::Language::Korean);
  url_state::ParsedHash parsed = url_state::parse_hash("demo=dropout&zz");
  REQUIRE(parsed.notices.size() == 1);
  CHECK(parsed.notices[0] == "'zz' 무시(값 없음)");
}

TEST_CASE("format writes printf text of any length") {
  CHECK(i18n::format("%d-%s", 7, "x") == "7-x");
  std::string long_text(5000, 'a');
  CHECK(i18n::format("%s!", long_text.c_str()).size() == 5001);
  CHECK(i18n::format("%s", "").empty());
}
