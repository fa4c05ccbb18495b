// Korean for the captioning demo (issue 14; how to write it: demos/i18n/korean_tables.h).
#include "demos/i18n/korean_tables.h"

namespace i18n {
namespace {

constexpr KoreanRow kRows[] = {
    {"Image captioning", "Image captioning"},
};

}  // namespace

KoreanTable caption_korean() { return {"captioning demo", kRows, sizeof kRows / sizeof kRows[0]}; }

}  // namespace i18n
