// CRC-32 with the IEEE 802.3 polynomial, as in zlib, PNG and gzip: reflected
// polynomial 0xEDB88320, register preset to 0xFFFFFFFF and inverted at the end.
// crc32("123456789") == 0xCBF43926 (the standard check value).
#pragma once

#include <cstddef>
#include <cstdint>

// Pass the previous result as `crc` to continue over data that arrives in pieces:
// crc32(b, nb, crc32(a, na)) == crc32 over a followed by b.
uint32_t crc32(const uint8_t* data, size_t size, uint32_t crc = 0);
