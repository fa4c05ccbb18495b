// Korean for the softmax temperature demo (issue 14; how to write it: demos/i18n/korean_tables.h).
#include "demos/i18n/korean_tables.h"

namespace i18n {
namespace {

constexpr KoreanRow kRows[] = {
    {"Softmax temperature", "Softmax temperature"},
};

}  // namespace

KoreanTable temperature_korean() { return {"softmax temperature demo", kRows, sizeof kRows / sizeof kRows[0]}; }

}  // namespace i18n
