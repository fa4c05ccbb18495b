#include "demos/i18n/korean_tables.h"

namespace i18n {

const KoreanTable* all_korean_tables(size_t* count) {
  static const KoreanTable tables[] = {shell_korean(), perceptron_korean(), dropout_korean(),
                                       temperature_korean(), style_korean(), caption_korean()};
  *count = sizeof tables / sizeof tables[0];
  return tables;
}

}  // namespace i18n
