// tests/engine/data/image_file_builders.h: image files written byte by byte
// for the loader's tests, so each awkward or hostile case is built from its
// format's specification rather than fetched: PNGs with stored (uncompressed)
// deflate blocks and any bit depth, a PNG decompression bomb, flat-colour
// JPEGs (baseline or progressive, 1-4 components, any scan count), GIFs with
// several frames, and EXIF APP1 segments.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "engine/io/crc32.h"

namespace image_files {

inline void be16(std::vector<uint8_t>& out, uint32_t v) {
  out.push_back(static_cast<uint8_t>(v >> 8));
  out.push_back(static_cast<uint8_t>(v));
}
inline void be32(std::vector<uint8_t>& out, uint32_t v) {
  be16(out, v >> 16);
  be16(out, v & 0xFFFF);
}
inline void le16(std::vector<uint8_t>& out, uint32_t v) {
  out.push_back(static_cast<uint8_t>(v));
  out.push_back(static_cast<uint8_t>(v >> 8));
}
inline void append(std::vector<uint8_t>& out, const std::vector<uint8_t>& more) {
  out.insert(out.end(), more.begin(), more.end());
}

// ---- PNG -----------------------------------------------------------------

inline uint32_t adler32(const std::vector<uint8_t>& data) {
  uint32_t a = 1, b = 0;
  for (uint8_t byte : data) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return b << 16 | a;
}

inline void png_chunk(std::vector<uint8_t>& png, const char* type, const std::vector<uint8_t>& body) {
  be32(png, static_cast<uint32_t>(body.size()));
  std::vector<uint8_t> typed(type, type + 4);
  append(typed, body);
  append(png, typed);
  be32(png, crc32(typed.data(), typed.size()));
}

// A PNG from its IHDR fields and an already-made zlib stream.
inline std::vector<uint8_t> png_file(uint32_t width, uint32_t height, int bit_depth, int colour_type,
                                     const std::vector<uint8_t>& zlib_stream) {
  std::vector<uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  std::vector<uint8_t> ihdr;
  be32(ihdr, width);
  be32(ihdr, height);
  ihdr.insert(ihdr.end(), {static_cast<uint8_t>(bit_depth), static_cast<uint8_t>(colour_type), 0, 0, 0});
  png_chunk(png, "IHDR", ihdr);
  png_chunk(png, "IDAT", zlib_stream);
  png_chunk(png, "IEND", {});
  return png;
}

// zlib (RFC 1950) around stored deflate blocks (RFC 1951, BTYPE 00): no compression needed.
inline std::vector<uint8_t> zlib_stored(const std::vector<uint8_t>& raw) {
  std::vector<uint8_t> z = {0x78, 0x01};
  size_t pos = 0;
  do {
    const size_t n = std::min<size_t>(65535, raw.size() - pos);
    z.push_back(pos + n == raw.size() ? 1 : 0);  // BFINAL, BTYPE 00
    le16(z, static_cast<uint32_t>(n));
    le16(z, static_cast<uint32_t>(~n & 0xFFFF));
    z.insert(z.end(), raw.begin() + static_cast<std::ptrdiff_t>(pos), raw.begin() + static_cast<std::ptrdiff_t>(pos + n));
    pos += n;
  } while (pos < raw.size());
  be32(z, adler32(raw));
  return z;
}

// A PNG of filtered-as-none rows: `samples` are row-major, `channels` per
// pixel, each 1 or 2 bytes (big-endian) as bit_depth says.
inline std::vector<uint8_t> png_uncompressed(uint32_t width, uint32_t height, int bit_depth, int colour_type,
                                             int channels, const std::vector<uint16_t>& samples) {
  std::vector<uint8_t> raw;
  const size_t row = static_cast<size_t>(width) * channels;
  for (uint32_t y = 0; y < height; ++y) {
    raw.push_back(0);  // filter type None
    for (size_t i = 0; i < row; ++i) {
      const uint16_t s = samples[y * row + i];
      if (bit_depth == 16) raw.push_back(static_cast<uint8_t>(s >> 8));
      raw.push_back(static_cast<uint8_t>(s));
    }
  }
  return png_file(width, height, bit_depth, colour_type, zlib_stored(raw));
}

// Deflate's bit order: fields least significant bit first, Huffman codes most significant bit first.
struct DeflateBits {
  std::vector<uint8_t> bytes;
  int used = 8;
  void bit(uint32_t b) {
    if (used == 8) {
      bytes.push_back(0);
      used = 0;
    }
    bytes.back() = static_cast<uint8_t>(bytes.back() | (b & 1) << used);
    ++used;
  }
  void field(uint32_t value, int bits) {
    for (int i = 0; i < bits; ++i) bit(value >> i);
  }
  void code(uint32_t code, int length) {
    for (int i = length - 1; i >= 0; --i) bit(code >> i);
  }
};

// A 1 x 1 RGB PNG whose one dynamic-Huffman deflate block inflates to
// `inflated_bytes` zeros: a literal 0, then matches of 258 bytes at distance 1,
// each coded in 2 bits (literal/length code 285 and distance code 0 get 1-bit
// codes). 400 MB of output take 388 KB, as the bomb in issue 13.
inline std::vector<uint8_t> png_bomb(uint64_t inflated_bytes) {
  DeflateBits d;
  d.field(1, 1);   // BFINAL
  d.field(2, 2);   // BTYPE 10: dynamic Huffman
  d.field(29, 5);  // HLIT: 286 literal/length code lengths
  d.field(1, 5);   // HDIST: 2 distance code lengths
  d.field(14, 4);  // HCLEN: 18 code-length code lengths
  // Code-length alphabet: 18 (run of zeros) -> "0", 1 -> "10", 2 -> "11".
  const int order[18] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1};
  for (int symbol : order) d.field(symbol == 18 ? 1 : (symbol == 1 || symbol == 2) ? 2 : 0, 3);
  auto zeros = [&](uint32_t run) {  // code 18 repeats a zero length 11..138 times
    d.code(0, 1);
    d.field(run - 11, 7);
  };
  // Literal/length lengths: 0 -> 2, 256 (end) -> 2, 285 (length 258) -> 1; distances 0, 1 -> 1.
  d.code(3, 2);  // length 2 for symbol 0
  zeros(138);
  zeros(117);    // symbols 1..255
  d.code(3, 2);  // symbol 256
  zeros(28);     // symbols 257..284
  d.code(2, 2);  // symbol 285: length 1
  d.code(2, 2);  // distance 0: length 1
  d.code(2, 2);  // distance 1: length 1
  // Canonical codes: 285 -> "0", 0 -> "10", 256 -> "11"; distance 0 -> "0".
  d.code(2, 2);  // literal 0 (the row's filter byte)
  const uint64_t matches = (inflated_bytes - 1) / 258;
  for (uint64_t i = 0; i < matches; ++i) {
    d.code(0, 1);  // length 258
    d.code(0, 1);  // distance 1
  }
  d.code(3, 2);  // end of block
  std::vector<uint8_t> z = {0x78, 0x01};
  append(z, d.bytes);
  // Adler-32 of n zero bytes: a stays 1, b adds 1 per byte.
  const uint64_t n = 1 + matches * 258;
  be32(z, static_cast<uint32_t>(n % 65521) << 16 | 1);
  return png_file(1, 1, 8, 2, z);
}

// ---- JPEG ----------------------------------------------------------------

// JPEG entropy-coded bits: most significant first, 0xFF followed by a stuffed 0x00.
struct JpegBits {
  std::vector<uint8_t> bytes;
  uint32_t current = 0;
  int used = 0;
  void put(uint32_t value, int bits) {
    for (int i = bits - 1; i >= 0; --i) {
      current = current << 1 | ((value >> i) & 1);
      if (++used == 8) flush_byte();
    }
  }
  void flush_byte() {
    bytes.push_back(static_cast<uint8_t>(current));
    if (current == 0xFF) bytes.push_back(0);
    current = 0;
    used = 0;
  }
  std::vector<uint8_t> finish() {  // pad with 1 bits
    while (used != 0) put(1, 1);
    return bytes;
  }
};

struct FlatJpeg {
  int width = 16, height = 16;               // what the frame header declares
  std::vector<int> values = {40, 120, 200};  // one flat sample value per component
  bool progressive = false;
  int scans = 0;             // 0: the natural count (baseline 1; progressive DC + one AC scan per component)
  int adobe_transform = -1;  // >= 0 writes an APP14 Adobe marker with this colour transform
  bool write_scans = true;   // false: headers only (a frame that claims a size and holds nothing)
};

// A JPEG whose every block is flat: quantisation all 1, only DC coefficients
// (DC = 8 (v - 128) in the JPEG DCT's scale), Huffman tables with 4-bit DC
// categories 0..11 and a single 1-bit AC symbol 0x00 (end of block). Extra
// scans repeat the last one, which leaves the image unchanged.
inline std::vector<uint8_t> flat_jpeg(const FlatJpeg& spec) {
  const int n = static_cast<int>(spec.values.size());
  std::vector<uint8_t> f = {0xFF, 0xD8};
  if (spec.adobe_transform >= 0) {
    f.insert(f.end(), {0xFF, 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
                       static_cast<uint8_t>(spec.adobe_transform)});
  }
  f.insert(f.end(), {0xFF, 0xDB, 0, 67, 0});  // one 8-bit quantisation table, id 0
  f.insert(f.end(), 64, 1);
  f.insert(f.end(), {0xFF, static_cast<uint8_t>(spec.progressive ? 0xC2 : 0xC0)});
  be16(f, static_cast<uint32_t>(8 + 3 * n));
  f.push_back(8);
  be16(f, static_cast<uint32_t>(spec.height));
  be16(f, static_cast<uint32_t>(spec.width));
  f.push_back(static_cast<uint8_t>(n));
  for (int c = 0; c < n; ++c) f.insert(f.end(), {static_cast<uint8_t>(c + 1), 0x11, 0});
  // DHT: DC table 0 (12 codes of length 4: categories 0..11), AC table 0 (one code of length 1: 0x00).
  f.insert(f.end(), {0xFF, 0xC4, 0, 49, 0x00, 0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  for (uint8_t s = 0; s < 12; ++s) f.push_back(s);
  f.insert(f.end(), {0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00});
  if (!spec.write_scans) {
    f.insert(f.end(), {0xFF, 0xD9});
    return f;
  }
  const int blocks = ((spec.width + 7) / 8) * ((spec.height + 7) / 8);
  auto dc = [&](JpegBits& bits, int diff) {
    int magnitude = diff < 0 ? -diff : diff, category = 0;
    while (magnitude >> category) ++category;
    bits.put(static_cast<uint32_t>(category), 4);
    if (category > 0) bits.put(static_cast<uint32_t>(diff < 0 ? diff + (1 << category) - 1 : diff), category);
  };
  // One scan over `components` (interleaved if several), coding DC and/or AC.
  auto scan = [&](const std::vector<int>& components, bool with_dc, bool with_ac) {
    f.insert(f.end(), {0xFF, 0xDA});
    be16(f, static_cast<uint32_t>(6 + 2 * components.size()));
    f.push_back(static_cast<uint8_t>(components.size()));
    for (int c : components) f.insert(f.end(), {static_cast<uint8_t>(c + 1), 0x00});
    f.insert(f.end(), {static_cast<uint8_t>(with_dc ? 0 : 1), static_cast<uint8_t>(with_ac ? 63 : 0), 0});
    JpegBits bits;
    for (int b = 0; b < blocks; ++b)
      for (int c : components) {
        if (with_dc) dc(bits, b == 0 ? 8 * (spec.values[c] - 128) : 0);
        if (with_ac) bits.put(0, 1);  // end of block / end of band
      }
    append(f, bits.finish());
  };
  std::vector<int> all(static_cast<size_t>(n));
  for (int c = 0; c < n; ++c) all[c] = c;
  int written = 0;
  const int wanted = spec.scans > 0 ? spec.scans : (spec.progressive ? 1 + n : 1);
  if (spec.progressive) {
    scan(all, true, false);
    for (written = 1; written < wanted; ++written) scan({(written - 1) % n}, false, true);
  } else {
    for (; written < wanted; ++written) scan(all, true, true);
  }
  f.insert(f.end(), {0xFF, 0xD9});
  return f;
}

// An APP1 segment holding EXIF IFD0 with one entry, Orientation = `orientation`.
inline std::vector<uint8_t> exif_app1(int orientation, bool big_endian = true) {
  std::vector<uint8_t> tiff;
  auto u16 = [&](uint32_t v) { big_endian ? be16(tiff, v) : le16(tiff, v); };
  auto u32 = [&](uint32_t v) {
    if (big_endian) {
      be32(tiff, v);
    } else {
      le16(tiff, v & 0xFFFF);
      le16(tiff, v >> 16);
    }
  };
  append(tiff, big_endian ? std::vector<uint8_t>{'M', 'M'} : std::vector<uint8_t>{'I', 'I'});
  u16(42);
  u32(8);  // IFD0 right after the header
  u16(1);  // one entry
  u16(0x0112);
  u16(3);  // SHORT
  u32(1);
  u16(static_cast<uint32_t>(orientation));
  u16(0);  // the value field's unused half
  u32(0);  // no next IFD
  std::vector<uint8_t> segment = {0xFF, 0xE1};
  be16(segment, static_cast<uint32_t>(2 + 6 + tiff.size()));
  segment.insert(segment.end(), {'E', 'x', 'i', 'f', 0, 0});
  append(segment, tiff);
  return segment;
}

// `jpeg` with `segment` inserted right after its SOI marker, where EXIF belongs.
inline std::vector<uint8_t> splice_after_soi(const std::vector<uint8_t>& jpeg, const std::vector<uint8_t>& segment) {
  std::vector<uint8_t> out(jpeg.begin(), jpeg.begin() + 2);
  append(out, segment);
  out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
  return out;
}

// ---- GIF -----------------------------------------------------------------

// A GIF89a of 2 x 2 pixels with a 4-colour table (black, red, blue, white) and
// one frame per entry of `frame_colours` (each frame one flat colour index).
inline std::vector<uint8_t> gif_frames(const std::vector<int>& frame_colours) {
  std::vector<uint8_t> g = {'G', 'I', 'F', '8', '9', 'a'};
  le16(g, 2);
  le16(g, 2);
  g.insert(g.end(), {0xF1, 0, 0});  // global table of 4 colours, 8-bit colour resolution
  g.insert(g.end(), {0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255});
  for (int colour : frame_colours) {
    g.insert(g.end(), {0x21, 0xF9, 4, 0x04, 10, 0, 0, 0});  // graphic control: keep frame, 0.1 s
    g.push_back(0x2C);
    le16(g, 0);
    le16(g, 0);
    le16(g, 2);
    le16(g, 2);
    g.push_back(0);
    g.push_back(2);  // LZW minimum code size: clear = 4, end = 5, 3-bit codes
    // A clear code before every two pixels keeps the code width at 3 bits.
    const uint32_t p = static_cast<uint32_t>(colour);
    const uint32_t codes[7] = {4, p, p, 4, p, p, 5};
    std::vector<uint8_t> packed;
    uint32_t acc = 0;
    int bits = 0;
    for (uint32_t code : codes) {
      acc |= code << bits;
      bits += 3;
      while (bits >= 8) {
        packed.push_back(static_cast<uint8_t>(acc));
        acc >>= 8;
        bits -= 8;
      }
    }
    if (bits > 0) packed.push_back(static_cast<uint8_t>(acc));
    g.push_back(static_cast<uint8_t>(packed.size()));
    append(g, packed);
    g.push_back(0);
  }
  g.push_back(0x3B);
  return g;
}

}  // namespace image_files
