#include "engine/tensor.h"

#include <algorithm>
#include <cassert>
#include <cstring>

Shape::Shape(std::initializer_list<int> sizes) {
  assert(sizes.size() <= static_cast<size_t>(kMaxRank));
  for (int s : sizes) dims[rank++] = s;
}

int Shape::size() const {
  int n = 1;
  for (int i = 0; i < rank; ++i) n *= dims[i];
  return n;
}

bool Shape::operator==(const Shape& other) const {
  if (rank != other.rank) return false;
  for (int i = 0; i < rank; ++i)
    if (dims[i] != other.dims[i]) return false;
  return true;
}

std::string Shape::str() const {
  std::string out = "[";
  for (int i = 0; i < rank; ++i) out += (i ? ", " : "") + std::to_string(dims[i]);
  return out + "]";
}

bool Shape::valid() const {
  if (rank < 0 || rank > kMaxRank) return false;
  for (int i = 0; i < rank; ++i)
    if (dims[i] < 1) return false;
  return true;
}

Tensor::Tensor(const Shape& shape, float fill)
    : storage_(std::make_shared<std::vector<float>>(static_cast<size_t>(shape.size()), fill)), shape_(shape) {
  assert(shape.valid());
}

Tensor Tensor::from(const Shape& shape, const std::vector<float>& values) {
  assert(static_cast<int>(values.size()) == shape.size());
  Tensor t(shape);
  std::copy(values.begin(), values.end(), t.data());
  return t;
}

Tensor Tensor::reshaped(const Shape& shape) const {
  assert(shape.size() == size());
  Tensor view = *this;
  view.shape_ = shape;
  return view;
}

Tensor Tensor::rows(int begin, int end) const {
  assert(rank() >= 1 && 0 <= begin && begin < end && end <= dim(0));
  Tensor view = *this;
  int row_size = size() / dim(0);
  view.offset_ += static_cast<size_t>(begin) * row_size;
  view.shape_[0] = end - begin;
  return view;
}

Tensor Tensor::clone() const {
  if (empty()) return Tensor();
  Tensor copy(shape_);
  std::memcpy(copy.data(), data(), sizeof(float) * static_cast<size_t>(size()));
  return copy;
}

void Tensor::fill(float value) { std::fill(data(), data() + size(), value); }

void Tensor::copy_from(const Tensor& other) {
  assert(other.size() == size());
  std::memcpy(data(), other.data(), sizeof(float) * static_cast<size_t>(size()));
}
