// Korean for the perceptron and activations demos (issue 14; how to write it: demos/i18n/korean_tables.h).
#include "demos/i18n/korean_tables.h"

namespace i18n {
namespace {

constexpr KoreanRow kRows[] = {
    {"Perceptron and MLP", "Perceptron과 MLP"},
};

}  // namespace

KoreanTable perceptron_korean() { return {"perceptron and activations demos", kRows, sizeof kRows / sizeof kRows[0]}; }

}  // namespace i18n
