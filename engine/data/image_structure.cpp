#include "engine/data/image_structure.h"

#include <cstring>

namespace {

bool is_start_of_frame(uint8_t marker) {
  // C0..CF are frame headers except C4 (DHT), C8 (reserved) and CC (DAC).
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

bool is_standalone(uint8_t marker) {  // markers without a length field
  return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8);
}

// The position after a scan's entropy-coded data: the next FF that starts a
// marker, skipping stuffed FF 00, restart markers FF D0..D7 and FF fill bytes.
size_t skip_entropy_coded_data(const uint8_t* data, size_t size, size_t pos) {
  while (pos + 1 < size) {
    if (data[pos] != 0xFF) {
      ++pos;
      continue;
    }
    uint8_t next = data[pos + 1];
    if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
      pos += 2;
    } else if (next == 0xFF) {
      ++pos;
    } else {
      return pos;
    }
  }
  return size;
}

// True if a table in the DHT segment whose payload starts at `pos` (of
// `payload_size` bytes) has more than 256 codes. Read as stb_image reads it:
// tables one after another while the segment's length lasts, the last table
// possibly running past it; bytes past the file read as 0.
bool has_oversized_huffman_table(const uint8_t* data, size_t size, size_t pos, size_t payload_size) {
  auto byte_at = [&](size_t p) { return p < size ? data[p] : uint8_t{0}; };
  int64_t left = static_cast<int64_t>(payload_size);
  while (left > 0) {
    int codes = 0;
    for (size_t i = 0; i < 16; ++i) codes += byte_at(pos + 1 + i);  // after the class / id byte
    if (codes > 256) return true;
    pos += 17 + static_cast<size_t>(codes);
    left -= 17 + codes;
  }
  return false;
}

// Marks the tables a complete DHT payload defines: defined[class][id],
// class 0 DC and 1 AC, id 0..3 (stb refuses other values).
void note_huffman_tables(const uint8_t* payload, size_t payload_size, bool defined[2][4]) {
  size_t pos = 0;
  while (pos + 17 <= payload_size) {
    const int table_class = payload[pos] >> 4, id = payload[pos] & 15;
    size_t codes = 0;
    for (size_t i = 1; i <= 16; ++i) codes += payload[pos + i];
    if (pos + 17 + codes > payload_size) return;
    if (table_class <= 1 && id <= 3) defined[table_class][id] = true;
    pos += 17 + codes;
  }
}

// Whether a scan (SOS payload) needs a table not defined yet. Baseline scans
// use each component's DC and AC tables; progressive ones the DC tables in a
// first DC scan (Ss = 0, Ah = 0), none in a DC refinement, the AC tables in
// an AC scan (Ss > 0) (ITU T.81, G.1.2).
bool scan_needs_undefined_table(const uint8_t* payload, size_t payload_size, bool progressive,
                                const bool defined[2][4]) {
  if (payload_size < 1) return false;  // stb refuses a malformed scan header itself
  const size_t components = payload[0];
  if (payload_size < 1 + 2 * components + 3) return false;
  const uint8_t spectral_start = payload[1 + 2 * components];
  const uint8_t high_bit = payload[3 + 2 * components] >> 4;
  const bool needs_dc = !progressive || (spectral_start == 0 && high_bit == 0);
  const bool needs_ac = !progressive || spectral_start != 0;
  for (size_t i = 0; i < components; ++i) {
    const int dc = payload[2 + 2 * i] >> 4, ac = payload[2 + 2 * i] & 15;
    if (needs_dc && (dc > 3 || !defined[0][dc])) return true;
    if (needs_ac && (ac > 3 || !defined[1][ac])) return true;
  }
  return false;
}

// The position after the SOI marker: FF, any more FF fill bytes, then D8.
size_t after_jpeg_start(const uint8_t* data, size_t size) {
  if (size < 2 || data[0] != 0xFF) return 0;
  size_t pos = 1;
  while (pos < size && data[pos] == 0xFF) ++pos;
  return pos < size && data[pos] == 0xD8 ? pos + 1 : 0;
}

}  // namespace

bool starts_as_jpeg(const uint8_t* data, size_t size) { return after_jpeg_start(data, size) != 0; }

JpegStructure read_jpeg_structure(const uint8_t* data, size_t size) {
  JpegStructure jpeg;
  size_t pos = after_jpeg_start(data, size);
  if (pos == 0) return jpeg;
  bool defined_tables[2][4] = {};
  while (pos < size) {
    // Junk between segments is skipped as stb_image skips it before the frame header.
    if (data[pos] != 0xFF) {
      ++pos;
      continue;
    }
    while (pos < size && data[pos] == 0xFF) ++pos;  // fill bytes
    if (pos >= size) break;
    const uint8_t marker = data[pos++];
    if (marker == 0xD9) {
      jpeg.reached_end = true;
      break;
    }
    if (is_standalone(marker)) continue;
    if (pos + 2 > size) break;
    const size_t length = static_cast<size_t>(data[pos]) << 8 | data[pos + 1];  // includes its own 2 bytes
    // stb reads a Huffman table segment even when the file ends inside it.
    if (marker == 0xC4 && length >= 2 && has_oversized_huffman_table(data, size, pos + 2, length - 2))
      jpeg.oversized_huffman_table = true;
    if (length < 2 || length > size - pos) break;
    const uint8_t* payload = data + pos + 2;
    const size_t payload_size = length - 2;
    if (is_start_of_frame(marker) && payload_size >= 6) {
      jpeg.components = payload[5];
      jpeg.progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
    } else if (marker == 0xE1 && !jpeg.exif && payload_size >= 6 && std::memcmp(payload, "Exif\0\0", 6) == 0) {
      jpeg.exif = payload;
      jpeg.exif_size = payload_size;
    } else if (marker == 0xEE && payload_size >= 5 && std::memcmp(payload, "Adobe", 5) == 0) {
      jpeg.adobe_marker = true;
    }
    if (marker == 0xC4) note_huffman_tables(payload, payload_size, defined_tables);
    if (marker == 0xDA && scan_needs_undefined_table(payload, payload_size, jpeg.progressive, defined_tables))
      jpeg.undefined_huffman_table = true;
    pos += length;
    if (marker == 0xDA) {
      ++jpeg.scans;
      pos = skip_entropy_coded_data(data, size, pos);
    }
  }
  return jpeg;
}

int count_gif_frames(const uint8_t* data, size_t size) {
  // Header (6) and logical screen descriptor (7), then an optional global colour table.
  if (size < 13) return 0;
  size_t pos = 13;
  if (data[10] & 0x80) pos += 3 * (size_t{2} << (data[10] & 7));
  int frames = 0;
  auto skip_sub_blocks = [&]() {
    while (pos < size) {
      const uint8_t length = data[pos++];
      if (length == 0) return true;
      pos += length;
    }
    return false;
  };
  while (pos < size) {
    const uint8_t block = data[pos++];
    if (block == 0x3B) break;  // trailer
    if (block == 0x21) {       // extension: label, then data sub-blocks
      ++pos;
      if (!skip_sub_blocks()) break;
    } else if (block == 0x2C) {  // image descriptor (9 bytes), local colour table, LZW code size, data
      if (pos + 9 > size) break;
      ++frames;
      const uint8_t flags = data[pos + 8];
      pos += 9;
      if (flags & 0x80) pos += 3 * (size_t{2} << (flags & 7));
      ++pos;
      if (!skip_sub_blocks()) break;
    } else {
      break;
    }
  }
  return frames;
}

bool pnm_header_numbers_fit(const uint8_t* data, size_t size) {
  auto is_space = [](uint8_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; };
  size_t pos = 2;  // after "P5" / "P6"
  for (int number = 0; number < 3; ++number) {
    for (;;) {  // whitespace, then a comment to the end of its line, as often as they come
      while (pos < size && is_space(data[pos])) ++pos;
      if (pos >= size || data[pos] != '#') break;
      while (pos < size && data[pos] != '\n' && data[pos] != '\r') ++pos;
    }
    uint64_t value = 0;
    for (; pos < size && data[pos] >= '0' && data[pos] <= '9'; ++pos) {
      value = value * 10 + (data[pos] - '0');
      if (value > kMaxPnmHeaderNumber) return false;
    }
  }
  return true;
}
