// What a JPEG's or GIF's segment structure says before any pixel is decoded:
// walks markers / blocks only, with every length bounds-checked, so the
// loader can refuse a file (too many scans, truncated) before stb_image
// spends time or memory on it, and can find EXIF data and animation.
#pragma once

#include <cstddef>
#include <cstdint>

struct JpegStructure {
  bool reached_end = false;      // an EOI marker follows the last segment (false: truncated)
  int scans = 0;                 // SOS markers; each costs a pass over the whole image in stb_image
  bool progressive = false;      // SOF2 (or another progressive SOF)
  int components = 0;            // from the frame header: 1 grey, 3 YCbCr / RGB, 4 CMYK / YCCK
  bool adobe_marker = false;     // APP14 "Adobe": says how 4 components are to be read
  const uint8_t* exif = nullptr;  // payload of the first APP1 "Exif\0\0" segment, or nullptr
  size_t exif_size = 0;
  // A DHT (Huffman table) segment declares a table of more than 256 codes.
  // stb_image 2.27 does not check that and writes past its 257-entry arrays
  // (found by tests/fuzz/fuzz_image_loader), so the loader refuses the file.
  bool oversized_huffman_table = false;
  // A scan decodes with a Huffman table no DHT segment before it defined.
  // stb_image 2.27 does not track which tables exist and decodes with
  // uninitialised memory, indexing past its arrays (found by the fuzzer).
  bool undefined_huffman_table = false;
};

// Whether stb_image would read `data` as a JPEG: its SOI marker FF D8, which
// stb accepts after any number of FF fill bytes (so "FF FF FF D8" is a JPEG
// too; found by tests/fuzz/fuzz_image_loader when only "FF D8 FF" was checked).
bool starts_as_jpeg(const uint8_t* data, size_t size);

// `data` passes starts_as_jpeg.
JpegStructure read_jpeg_structure(const uint8_t* data, size_t size);

// Image descriptors in a GIF up to its trailer or the first malformed block
// (0 if the file is too short to hold a header). `data` starts with "GIF8".
int count_gif_frames(const uint8_t* data, size_t size);

// The largest width, height or maximum value a binary PNM header ("P5" / "P6")
// may give. stb_image reads these numbers into an int without an overflow
// check (signed overflow, undefined behaviour, on a long run of digits; found
// by tests/fuzz/fuzz_image_loader), and refuses sides over 2^24 afterwards
// anyway, so numbers past this are refused before stb reads them.
constexpr uint64_t kMaxPnmHeaderNumber = uint64_t{1} << 24;

// False if one of the three header numbers, read as stb_image reads them
// (whitespace and '#' comments between), exceeds kMaxPnmHeaderNumber.
// `data` starts with "P5" or "P6".
bool pnm_header_numbers_fit(const uint8_t* data, size_t size);
