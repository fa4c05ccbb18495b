// Tensors, floats and strings as little-endian bytes, for messages between
// the UI and background jobs (demos/background_job.h): the same bits on both
// sides, natively and in wasm. Reading checks every size against what is left.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/io/bytes.h"
#include "engine/tensor.h"

void put_f32(std::vector<uint8_t>& out, float v);
void put_string(std::vector<uint8_t>& out, const std::string& text);  // u32 length, then the bytes
void put_blob(std::vector<uint8_t>& out, const uint8_t* data, size_t size);  // u32 length, then the bytes
// u8 rank, rank x u32 dims, then the values; an empty Tensor is rank 255 and nothing else.
void put_tensor(std::vector<uint8_t>& out, const Tensor& tensor);

bool read_f32(ByteReader& in, float& out, const std::string& what);
// A u32 that must lie in [lo, hi]. Out of range: false with "<source>: <what>
// must be lo..hi, got N" in *error; a short read: false, the reason in in.error.
bool read_int_in_range(ByteReader& in, int& out, int lo, int hi, const std::string& what, const std::string& source,
                       std::string* error);
bool read_string(ByteReader& in, std::string& out, const std::string& what, size_t max_bytes);
bool read_blob(ByteReader& in, std::vector<uint8_t>& out, const std::string& what, size_t max_bytes);
// At most max_elements values (checked before allocating).
bool read_tensor(ByteReader& in, Tensor& out, const std::string& what, uint64_t max_elements);
