#include "engine/io/tensor_bytes.h"

#include <cstring>

namespace {

constexpr uint32_t kEmptyTensorRank = 255;

}  // namespace

void put_f32(std::vector<uint8_t>& out, float v) {
  uint32_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  put_u32(out, bits);
}

void put_blob(std::vector<uint8_t>& out, const uint8_t* data, size_t size) {
  put_u32(out, static_cast<uint32_t>(size));
  out.insert(out.end(), data, data + size);
}

void put_string(std::vector<uint8_t>& out, const std::string& text) {
  put_blob(out, reinterpret_cast<const uint8_t*>(text.data()), text.size());
}

void put_tensor(std::vector<uint8_t>& out, const Tensor& tensor) {
  if (tensor.empty()) {
    put_u8(out, kEmptyTensorRank);
    return;
  }
  put_u8(out, static_cast<uint32_t>(tensor.rank()));
  for (int axis = 0; axis < tensor.rank(); ++axis) put_u32(out, static_cast<uint32_t>(tensor.dim(axis)));
  size_t start = out.size();
  out.resize(start + 4 * static_cast<size_t>(tensor.size()));
  const float* values = tensor.data();
  for (int i = 0; i < tensor.size(); ++i) {
    uint32_t bits;
    std::memcpy(&bits, values + i, sizeof bits);
    uint8_t* p = out.data() + start + 4 * static_cast<size_t>(i);
    p[0] = static_cast<uint8_t>(bits), p[1] = static_cast<uint8_t>(bits >> 8);
    p[2] = static_cast<uint8_t>(bits >> 16), p[3] = static_cast<uint8_t>(bits >> 24);
  }
}

bool read_f32(ByteReader& in, float& out, const std::string& what) {
  uint32_t bits;
  if (!in.u32(bits, what)) return false;
  std::memcpy(&out, &bits, sizeof out);
  return true;
}

bool read_blob(ByteReader& in, std::vector<uint8_t>& out, const std::string& what, size_t max_bytes) {
  uint32_t size;
  if (!in.u32(size, what + " length")) return false;
  if (size > max_bytes) {
    in.error = what + " is " + std::to_string(size) + " bytes, more than the limit of " + std::to_string(max_bytes);
    return false;
  }
  const uint8_t* p = in.take(size, what);
  if (!p) return false;
  out.assign(p, p + size);
  return true;
}

bool read_string(ByteReader& in, std::string& out, const std::string& what, size_t max_bytes) {
  std::vector<uint8_t> bytes;
  if (!read_blob(in, bytes, what, max_bytes)) return false;
  out.assign(bytes.begin(), bytes.end());
  return true;
}

bool read_tensor(ByteReader& in, Tensor& out, const std::string& what, uint64_t max_elements) {
  uint32_t rank;
  if (!in.u8(rank, what + " rank")) return false;
  if (rank == kEmptyTensorRank) {
    out = Tensor();
    return true;
  }
  if (rank > static_cast<uint32_t>(Shape::kMaxRank)) {
    in.error = what + " has rank " + std::to_string(rank) + ", more than " + std::to_string(Shape::kMaxRank);
    return false;
  }
  Shape shape;
  shape.rank = static_cast<int>(rank);
  uint64_t elements = 1;
  for (uint32_t axis = 0; axis < rank; ++axis) {
    uint32_t size;
    if (!in.u32(size, what + " shape")) return false;
    elements *= size;
    if (size == 0 || elements > max_elements) {
      in.error = what + ": bad shape (a zero size, or more than " + std::to_string(max_elements) + " values)";
      return false;
    }
    shape[static_cast<int>(axis)] = static_cast<int>(size);
  }
  const uint8_t* p = in.take(4 * elements, what + " values");
  if (!p) return false;
  out = Tensor(shape);
  float* values = out.data();
  for (uint64_t i = 0; i < elements; ++i) {
    uint32_t bits = get_u32(p + 4 * i);
    std::memcpy(values + i, &bits, sizeof bits);
  }
  return true;
}

bool read_int_in_range(ByteReader& in, int& out, int lo, int hi, const std::string& what, const std::string& source,
                       std::string* error) {
  uint32_t raw = 0;
  if (!in.u32(raw, what)) return false;
  if (raw < static_cast<uint32_t>(lo) || raw > static_cast<uint32_t>(hi)) {
    *error = source + ": " + what + " must be " + std::to_string(lo) + ".." + std::to_string(hi) + ", got " +
             std::to_string(raw);
    return false;
  }
  out = static_cast<int>(raw);
  return true;
}
