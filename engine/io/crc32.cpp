#include "engine/io/crc32.h"

#include <array>

namespace {

// table[b] = the register after shifting byte b through eight steps of the
// bitwise (reflected) algorithm, so each input byte costs one lookup.
constexpr std::array<uint32_t, 256> make_table() {
  std::array<uint32_t, 256> table{};
  for (uint32_t byte = 0; byte < 256; ++byte) {
    uint32_t reg = byte;
    for (int bit = 0; bit < 8; ++bit) reg = (reg & 1u) ? (reg >> 1) ^ 0xEDB88320u : reg >> 1;
    table[byte] = reg;
  }
  return table;
}

constexpr std::array<uint32_t, 256> kTable = make_table();

}  // namespace

uint32_t crc32(const uint8_t* data, size_t size, uint32_t crc) {
  uint32_t reg = ~crc;
  for (size_t i = 0; i < size; ++i) reg = kTable[(reg ^ data[i]) & 0xFFu] ^ (reg >> 8);
  return ~reg;
}
