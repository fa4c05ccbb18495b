#include "engine/io/weights.h"

#include <cstdio>
#include <cstring>
#include <map>
#include <set>

#include "engine/io/bytes.h"
#include "engine/io/crc32.h"

using namespace weights_format;

namespace {

constexpr uint8_t kMagic[4] = {'D', 'L', 'P', 'W'};
constexpr size_t kMaxFileBytes = size_t{1} << 30;

uint32_t float_bits(float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  return bits;
}

float bits_float(uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

std::string quoted(const std::string& name) { return "'" + name + "'"; }

struct TensorRecord {
  std::string name;
  Shape shape;
  const uint8_t* values = nullptr;  // 4 * shape.size() bytes inside the file
};

LoadResult failure(std::string message) { return LoadResult{false, std::move(message)}; }

// One tensor record at the reader's position; `index` counts from 0.
bool parse_record(ByteReader& in, uint32_t index, TensorRecord& record) {
  const std::string label = "tensor " + std::to_string(index);
  uint32_t name_bytes = 0;
  if (!in.u16(name_bytes, "the name length of " + label)) return false;
  if (name_bytes == 0) {
    in.error = "weights: " + label + " has an empty name";
    return false;
  }
  if (name_bytes > kMaxNameBytes) {
    in.error = "weights: name length " + std::to_string(name_bytes) + " of " + label + " is absurd (limit " +
               std::to_string(kMaxNameBytes) + ")";
    return false;
  }
  const uint8_t* name = in.take(name_bytes, "the name of " + label);
  if (!name) return false;
  record.name.assign(reinterpret_cast<const char*>(name), name_bytes);
  const std::string what = quoted(record.name);

  uint32_t rank = 0;
  if (!in.u8(rank, "the rank of " + what)) return false;
  if (rank > static_cast<uint32_t>(Shape::kMaxRank)) {
    in.error = "weights: rank " + std::to_string(rank) + " of " + what + " is not supported (at most " +
               std::to_string(Shape::kMaxRank) + ")";
    return false;
  }
  uint64_t elements = 1;
  record.shape.rank = static_cast<int>(rank);
  for (uint32_t axis = 0; axis < rank; ++axis) {
    uint32_t dim = 0;
    if (!in.u32(dim, "dimension " + std::to_string(axis) + " of " + what)) return false;
    if (dim == 0) {
      in.error = "weights: dimension " + std::to_string(axis) + " of " + what + " is 0";
      return false;
    }
    elements *= dim;  // cannot overflow: both factors are below 2^32 and `elements` stays <= kMaxElements
    if (elements > kMaxElements) {
      in.error = "weights: " + what + " has more than " + std::to_string(kMaxElements) + " elements (absurd size)";
      return false;
    }
    record.shape[static_cast<int>(axis)] = static_cast<int>(dim);
  }
  record.values = in.take(4 * static_cast<size_t>(elements), "the values of " + what);
  return record.values != nullptr;
}

// Structure and checksum: everything that can be judged without the model.
LoadResult parse_file(const uint8_t* data, size_t size, std::vector<TensorRecord>& records) {
  if (size == 0 || data == nullptr) return failure("weights: file is empty");
  ByteReader in(data, size, "weights");
  const uint8_t* magic = in.take(4, "the magic \"DLPW\"");
  if (!magic) return failure(in.error);
  if (std::memcmp(magic, kMagic, 4) != 0) return failure("weights: not a weights file (it does not start with \"DLPW\")");
  uint32_t version = 0, count = 0;
  if (!in.u32(version, "the version")) return failure(in.error);
  if (version != kVersion)
    return failure("weights: version " + std::to_string(version) + " is not supported (this build reads version " +
                   std::to_string(kVersion) + ")");
  if (!in.u32(count, "the tensor count")) return failure(in.error);
  if (count > kMaxTensors)
    return failure("weights: tensor count " + std::to_string(count) + " is absurd (limit " +
                   std::to_string(kMaxTensors) + ")");

  records.clear();
  for (uint32_t i = 0; i < count; ++i) {
    records.emplace_back();
    if (!parse_record(in, i, records.back())) return failure(in.error);
  }

  const size_t checksum_offset = in.pos();
  uint32_t stored = 0;
  if (!in.u32(stored, "the checksum")) return failure(in.error);
  if (in.remaining() > 0)
    return failure("weights: " + std::to_string(in.remaining()) + " bytes of trailing garbage after the checksum at offset " +
                   std::to_string(checksum_offset));
  if (crc32(data, checksum_offset) != stored) return failure("weights: checksum mismatch (file is corrupt)");
  return LoadResult{true, ""};
}

// The file's tensors against the model's parameters, one to one by name and shape.
LoadResult match_to_model(const std::vector<TensorRecord>& records, const std::map<std::string, Parameter*>& by_name) {
  std::set<std::string> seen;
  for (const TensorRecord& record : records) {
    if (!seen.insert(record.name).second)
      return failure("weights: tensor " + quoted(record.name) + " appears more than once in the file");
    auto found = by_name.find(record.name);
    if (found == by_name.end())
      return failure("weights: the file has tensor " + quoted(record.name) + " that the model does not have");
    const Shape& expected = found->second->value.shape();
    if (record.shape != expected)
      return failure("weights: shape of " + quoted(record.name) + " is " + record.shape.str() + " in the file but " +
                     expected.str() + " in the model");
  }
  for (const auto& [name, param] : by_name)
    if (!seen.count(name)) return failure("weights: missing tensor " + quoted(name));
  return LoadResult{true, ""};
}

}  // namespace

std::vector<uint8_t> save_weights(const std::vector<const Parameter*>& params) {
  if (params.size() > kMaxTensors) return {};
  std::set<std::string> names;
  for (const Parameter* p : params) {
    if (!p || p->name.empty() || p->name.size() > kMaxNameBytes || p->value.empty()) return {};
    if (!names.insert(p->name).second) return {};
  }

  std::vector<uint8_t> out(kMagic, kMagic + 4);
  put_u32(out, kVersion);
  put_u32(out, static_cast<uint32_t>(params.size()));
  for (const Parameter* p : params) {
    put_u16(out, static_cast<uint32_t>(p->name.size()));
    out.insert(out.end(), p->name.begin(), p->name.end());
    const Shape& shape = p->value.shape();
    put_u8(out, static_cast<uint32_t>(shape.rank));
    for (int axis = 0; axis < shape.rank; ++axis) put_u32(out, static_cast<uint32_t>(shape[axis]));
    const float* values = p->value.data();
    for (int i = 0; i < p->value.size(); ++i) put_u32(out, float_bits(values[i]));
  }
  put_u32(out, crc32(out.data(), out.size()));
  return out;
}

LoadResult load_weights(const uint8_t* data, size_t size, const std::vector<Parameter*>& params) {
  std::map<std::string, Parameter*> by_name;
  for (Parameter* p : params) {
    if (!p) return failure("weights: the parameter list holds a null pointer");
    if (p->value.empty()) return failure("weights: the model's parameter " + quoted(p->name) + " has no value");
    if (!by_name.emplace(p->name, p).second)
      return failure("weights: the model has two parameters named " + quoted(p->name));
  }

  std::vector<TensorRecord> records;
  LoadResult result = parse_file(data, size, records);
  if (result.ok) result = match_to_model(records, by_name);
  if (!result.ok) return result;

  // Everything is checked: from here on nothing can fail.
  for (const TensorRecord& record : records) {
    float* values = by_name[record.name]->value.data();
    for (int i = 0; i < record.shape.size(); ++i) values[i] = bits_float(get_u32(record.values + 4 * static_cast<size_t>(i)));
  }
  return result;
}

bool save_weights_file(const std::string& path, const std::vector<const Parameter*>& params) {
  std::vector<uint8_t> bytes = save_weights(params);
  if (bytes.empty()) return false;
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) return false;
  bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  return (std::fclose(file) == 0) && written;
}

LoadResult load_weights_file(const std::string& path, const std::vector<Parameter*>& params) {
  std::vector<uint8_t> bytes;
  std::string error;
  if (!read_whole_file(path, kMaxFileBytes, bytes, error)) return failure("weights: " + error);
  return load_weights(bytes.data(), bytes.size(), params);
}
