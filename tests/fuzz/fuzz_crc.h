// Both binary asset formats end in a CRC-32 of every byte before it, so a
// mutated file almost never gets past the checksum. The targets therefore
// take one leading mode byte: odd means "rewrite the last four bytes with the
// right CRC first", which lets mutations reach the checks after it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/io/bytes.h"
#include "engine/io/crc32.h"

// The file the target parses: data[1..] as it is, or with its CRC made right.
inline std::vector<uint8_t> file_with_mode(const uint8_t* data, size_t size) {
  if (size == 0) return {};
  std::vector<uint8_t> file(data + 1, data + size);
  if ((data[0] & 1) && file.size() >= 4) {
    std::vector<uint8_t> crc;
    put_u32(crc, crc32(file.data(), file.size() - 4));
    for (size_t i = 0; i < 4; ++i) file[file.size() - 4 + i] = crc[i];
  }
  return file;
}
