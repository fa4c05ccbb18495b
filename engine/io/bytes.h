// Little-endian fields written and read byte by byte, so a binary file is the
// same natively, in wasm and from node tools; and whole-file reads with a size
// cap. Shared by the weights format and the image asset format.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

void put_u8(std::vector<uint8_t>& out, uint32_t v);
void put_u16(std::vector<uint8_t>& out, uint32_t v);
void put_u32(std::vector<uint8_t>& out, uint32_t v);
uint32_t get_u32(const uint8_t* p);

// Reads fields in order; every read goes through take(), the one bounds check.
class ByteReader {
 public:
  // `format` starts error messages, e.g. "weights" or "image asset".
  ByteReader(const uint8_t* data, size_t size, std::string format) : data_(data), size_(size), format_(std::move(format)) {}

  // The next n bytes, or nullptr (and an error naming `what`) if the file ends
  // first. n is 64-bit: a product of sizes from a hostile header can pass 2^32,
  // which must not wrap in wasm32's 32-bit size_t before it is compared.
  const uint8_t* take(uint64_t n, const std::string& what);
  bool u8(uint32_t& out, const std::string& what);
  bool u16(uint32_t& out, const std::string& what);
  bool u32(uint32_t& out, const std::string& what);
  size_t pos() const { return pos_; }
  size_t remaining() const { return size_ - pos_; }

  std::string error;

 private:
  const uint8_t* data_;
  size_t size_;
  std::string format_;
  size_t pos_ = 0;
};

// The whole file, at most max_bytes; false with "cannot open 'path'",
// "'path' is larger than N MiB" or "cannot read 'path'" in `error`.
bool read_whole_file(const std::string& path, size_t max_bytes, std::vector<uint8_t>& bytes, std::string& error);
