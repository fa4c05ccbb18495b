// Korean for the style transfer demo (issue 14; how to write it: demos/i18n/korean_tables.h).
#include "demos/i18n/korean_tables.h"

namespace i18n {
namespace {

constexpr KoreanRow kRows[] = {
    {"Neural style transfer", "Neural style transfer"},
};

}  // namespace

KoreanTable style_korean() { return {"style transfer demo", kRows, sizeof kRows / sizeof kRows[0]}; }

}  // namespace i18n
