// Korean for the dropout demo (issue 14; how to write it: demos/i18n/korean_tables.h).
#include "demos/i18n/korean_tables.h"

namespace i18n {
namespace {

constexpr KoreanRow kRows[] = {
    {"Dropout", "Dropout"},
};

}  // namespace

KoreanTable dropout_korean() { return {"dropout demo", kRows, sizeof kRows / sizeof kRows[0]}; }

}  // namespace i18n
