#include "engine/tensor.h"

#include <algorithm>
#include <cassert>
#include <cstring>

Shape::Shape(std::initializer_list<int> sizes) {
  assert(sizes.size() <= static_cast<size_t>(kMaxRank));
  for (int s : sizes) dims[rank++] = s;
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

namespace {

// Recycled storage for small tensors. A training step of a playground-sized
// network (batch 10, 8 neurons) creates and drops the same few buffer sizes
// thousands of times a second, and malloc and free were a fifth of its
// instructions. A buffer of at most kPooledFloats floats whose last Tensor
// goes away is kept, shared_ptr and all, and handed to the next Tensor of
// that size; at most kPooledTotal floats are kept in all.
constexpr size_t kPooledFloats = 1024;
constexpr size_t kPooledTotal = 1 << 20;  // 4 MB

using Storage = std::shared_ptr<TensorBuffer>;

thread_local long t_floats_allocated = 0;

struct StoragePool {
  std::vector<Storage> free[kPooledFloats + 1];  // by element count
  size_t total = 0;
};

// One pool per thread (background jobs run on threads natively), so no
// locks. The pointer and flag are trivially destructible, so they stay
// readable while the thread's (or the program's) other objects are destroyed:
// a Tensor dying after the pool is gone is simply freed.
thread_local StoragePool* t_pool = nullptr;
thread_local bool t_pool_closed = false;

struct PoolCloser {
  ~PoolCloser() {
    delete t_pool;
    t_pool = nullptr;
    t_pool_closed = true;
  }
};

StoragePool* pool() {
  if (!t_pool && !t_pool_closed) {
    thread_local PoolCloser closer;
    t_pool = new StoragePool;
  }
  return t_pool;
}

Storage take_storage(size_t count, float fill) {
  StoragePool* p = count <= kPooledFloats ? pool() : nullptr;
  if (p) {
    std::vector<Storage>& free = p->free[count];
    if (!free.empty()) {
      Storage storage = std::move(free.back());
      free.pop_back();
      p->total -= count;
      std::fill(storage->values.begin(), storage->values.end(), fill);
      return storage;
    }
  }
  return std::make_shared<TensorBuffer>(count, fill);
}

}  // namespace

TensorBuffer::TensorBuffer(size_t count, float fill) : values(count, fill) {
  t_floats_allocated += static_cast<long>(count);
}
TensorBuffer::~TensorBuffer() { t_floats_allocated -= static_cast<long>(values.size()); }
long tensor_floats_allocated() { return t_floats_allocated; }

Tensor::Tensor(const Shape& shape, float fill)
    : storage_(take_storage(static_cast<size_t>(shape.size()), fill)), shape_(shape) {
  assert(shape.valid());
}

void Tensor::release() noexcept {
  if (storage_.use_count() == 1) {  // the last holder: pool a small buffer
    const size_t count = storage_->values.size();
    StoragePool* p = count <= kPooledFloats ? pool() : nullptr;
    if (p && p->total + count <= kPooledTotal) {
      p->total += count;
      p->free[count].push_back(std::move(storage_));
      return;
    }
  }
  storage_.reset();
}

// Assignment releases the old buffer as the destructor does (tensor.h): a
// tape's clear() and an op's `grad = Tensor(...)` then recycle it instead of
// freeing it.
Tensor& Tensor::operator=(const Tensor& other) {
  if (this != &other) *this = Tensor(other);
  return *this;
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
