// Korean for the shell (issue 14; how to write it: demos/i18n/korean_tables.h).
#include "demos/i18n/korean_tables.h"

namespace i18n {
namespace {

constexpr KoreanRow kRows[] = {
    {"Deep-learning playground", "딥러닝 플레이그라운드"},
};

}  // namespace

KoreanTable shell_korean() { return {"shell", kRows, sizeof kRows / sizeof kRows[0]}; }

}  // namespace i18n
