// The Korean rows: one table per demo plus the shell's, each in its own file
// next to the code whose strings it holds. Write the Korean the way the notes
// do (../shared/SEEDS.md): Korean sentences, with the technical terms the
// notes keep in English (weight, bias, loss, ...) written in English.
#pragma once

#include <cstddef>

namespace i18n {

struct KoreanRow {
  const char* english;  // exactly the text passed to tr(), without any "##id" suffix
  const char* korean;   // the same printf placeholders, in the same order
};

struct KoreanTable {
  const char* name;
  const KoreanRow* rows;
  size_t count;
};

KoreanTable shell_korean();        // demos/i18n/shell_ko.cpp
KoreanTable perceptron_korean();   // demos/perceptron/perceptron_ko.cpp (with activations)
KoreanTable dropout_korean();      // demos/dropout/dropout_ko.cpp
KoreanTable temperature_korean();  // demos/softmax_temperature/temperature_ko.cpp
KoreanTable style_korean();        // demos/style_transfer/style_ko.cpp
KoreanTable caption_korean();      // demos/captioning/caption_ko.cpp

// Every table, in the order above: the first row for an English text wins.
const KoreanTable* all_korean_tables(size_t* count);

}  // namespace i18n
