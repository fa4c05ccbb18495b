// The weights file format (.dlpw): named float32 tensors, little-endian,
// written and read byte by byte so a file is identical natively and in wasm.
// docs/weights-format.md is the full description; the layout is:
//
//   offset  bytes  field
//   0       4      magic "DLPW" (0x44 0x4C 0x50 0x57)
//   4       4      uint32 version, currently 1
//   8       4      uint32 tensor count N (at most kMaxTensors)
//   12      ...    N tensor records, each:
//                    uint16 name length L (1..kMaxNameBytes)
//                    L bytes of UTF-8 name, no terminator
//                    uint8 rank R (0..4; 0 is a scalar)
//                    R x uint32 dims, outermost first, each >= 1
//                    4 * (product of dims) bytes: float32 values, row-major,
//                    each the IEEE 754 binary32 bit pattern, little-endian
//   end-4   4      uint32 CRC-32 (IEEE, as zlib) over every byte before it
//
// Loading is all-or-nothing: the whole file is parsed and checked against the
// model (structure, checksum, every parameter present exactly once with the
// same shape, no tensor the model lacks) before any value is written, so on
// error the parameters are untouched. Tensors may appear in any order; only
// values are loaded, gradients are left alone. Non-finite values (NaN, inf)
// are stored and loaded as they are.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/autodiff.h"

namespace weights_format {
constexpr uint32_t kVersion = 1;
constexpr uint32_t kMaxTensors = 65536;
constexpr uint32_t kMaxNameBytes = 1024;
constexpr uint64_t kMaxElements = uint64_t{1} << 28;  // per tensor (1 GiB of floats); keeps sizes in int
}  // namespace weights_format

struct LoadResult {
  bool ok = false;
  std::string error;  // "weights: ..." when !ok
};

// The file bytes, or an empty vector if the parameters cannot be saved (an
// empty or over-long name, a name used twice, an empty value, more than
// kMaxTensors parameters). A valid file is never empty.
std::vector<uint8_t> save_weights(const std::vector<const Parameter*>& params);

// Matches tensors to parameters by name. On error returns the reason and
// leaves every parameter as it was.
LoadResult load_weights(const uint8_t* data, size_t size, const std::vector<Parameter*>& params);

bool save_weights_file(const std::string& path, const std::vector<const Parameter*>& params);
LoadResult load_weights_file(const std::string& path, const std::vector<Parameter*>& params);
