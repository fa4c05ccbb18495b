#include "engine/io/bytes.h"

#include <cstdio>

void put_u8(std::vector<uint8_t>& out, uint32_t v) { out.push_back(static_cast<uint8_t>(v & 0xFFu)); }

void put_u16(std::vector<uint8_t>& out, uint32_t v) {
  put_u8(out, v);
  put_u8(out, v >> 8);
}

void put_u32(std::vector<uint8_t>& out, uint32_t v) {
  put_u16(out, v);
  put_u16(out, v >> 16);
}

uint32_t get_u32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 | static_cast<uint32_t>(p[2]) << 16 |
         static_cast<uint32_t>(p[3]) << 24;
}

const uint8_t* ByteReader::take(uint64_t n, const std::string& what) {
  if (n > remaining()) {
    error = format_ + ": file is truncated (needs " + std::to_string(n) + " bytes at offset " + std::to_string(pos_) +
            " for " + what + ", only " + std::to_string(remaining()) + " remain)";
    return nullptr;
  }
  const uint8_t* p = data_ + pos_;
  pos_ += static_cast<size_t>(n);
  return p;
}

bool ByteReader::u8(uint32_t& out, const std::string& what) {
  const uint8_t* p = take(1, what);
  if (p) out = p[0];
  return p != nullptr;
}

bool ByteReader::u16(uint32_t& out, const std::string& what) {
  const uint8_t* p = take(2, what);
  if (p) out = static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8;
  return p != nullptr;
}

bool ByteReader::u32(uint32_t& out, const std::string& what) {
  const uint8_t* p = take(4, what);
  if (p) out = get_u32(p);
  return p != nullptr;
}

bool read_whole_file(const std::string& path, size_t max_bytes, std::vector<uint8_t>& bytes, std::string& error) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) {
    error = "cannot open '" + path + "'";
    return false;
  }
  std::vector<uint8_t> chunk(65536);
  size_t got = 0;
  while ((got = std::fread(chunk.data(), 1, chunk.size(), file)) > 0) {
    if (bytes.size() + got > max_bytes) {
      std::fclose(file);
      error = "'" + path + "' is larger than " + std::to_string(max_bytes >> 20) + " MiB";
      return false;
    }
    bytes.insert(bytes.end(), chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(got));
  }
  bool read_error = std::ferror(file) != 0;
  std::fclose(file);
  if (read_error) error = "cannot read '" + path + "'";
  return !read_error;
}
