// A float32 tensor: contiguous, row-major, up to 4-D (images are NCHW).
//
// Plain data in the spirit of ggml: a shape and a shared buffer. Views
// (reshaped, rows) share the buffer without copying; clone() copies.
#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

struct Shape {
  static constexpr int kMaxRank = 4;
  std::array<int, kMaxRank> dims{};
  int rank = 0;

  Shape() = default;
  Shape(std::initializer_list<int> sizes);

  int operator[](int axis) const { return dims[axis]; }
  int& operator[](int axis) { return dims[axis]; }
  // Number of elements (1 for rank 0). Inline: loops test `i < t.size()` per
  // element, and an out-of-line call there cost about 12% of a captioner
  // training step's instructions (callgrind, issue 15).
  int size() const {
    int n = 1;
    for (int i = 0; i < rank; ++i) n *= dims[i];
    return n;
  }
  bool operator==(const Shape& other) const;
  bool operator!=(const Shape& other) const { return !(*this == other); }
  std::string str() const;  // "[2, 3]"
  bool valid() const;       // rank 0..4, every size >= 1
};

// A tensor's storage, counted by tensor_floats_allocated().
struct TensorBuffer {
  std::vector<float> values;
  TensorBuffer(size_t count, float fill);
  ~TensorBuffer();
  TensorBuffer(const TensorBuffer&) = delete;
  TensorBuffer& operator=(const TensorBuffer&) = delete;
};
// Floats of tensor buffers this thread allocated minus those it freed (pooled
// buffers still count): a test of "memory stays flat" reads this rather than
// trusting node counts. Per thread, so background jobs do not disturb it.
long tensor_floats_allocated();

class Tensor {
 public:
  Tensor() = default;  // empty: no shape, no storage
  explicit Tensor(const Shape& shape, float fill = 0.0f);
  // The last Tensor holding a small buffer hands it back for reuse (see
  // tensor.cpp), when it dies or when it is assigned another buffer.
  // The empty checks are inline: a tape step assigns and drops empty tensors
  // often, and an out-of-line call for each showed in the wasm profile.
  ~Tensor() {
    if (storage_) release();
  }
  void reset() noexcept {  // becomes empty (the buffer as above)
    if (storage_) release();
    offset_ = 0;
    shape_ = Shape();
  }
  Tensor(const Tensor&) = default;
  Tensor(Tensor&&) noexcept = default;
  Tensor& operator=(const Tensor& other);
  Tensor& operator=(Tensor&& other) noexcept {
    if (this != &other) {
      if (storage_) release();
      storage_ = std::move(other.storage_);
      offset_ = other.offset_;
      shape_ = other.shape_;
    }
    return *this;
  }
  static Tensor from(const Shape& shape, const std::vector<float>& values);
  static Tensor scalar(float value) { return from(Shape{}, {value}); }

  bool empty() const { return !storage_; }
  const Shape& shape() const { return shape_; }
  int rank() const { return shape_.rank; }
  int dim(int axis) const { return shape_[axis]; }
  int size() const { return empty() ? 0 : shape_.size(); }

  float* data() { return storage_->values.data() + offset_; }
  const float* data() const { return storage_->values.data() + offset_; }
  float& operator[](int i) { return data()[i]; }
  float operator[](int i) const { return data()[i]; }
  float item() const { return data()[0]; }  // the value of a one-element tensor
  std::vector<float> to_vector() const { return {data(), data() + size()}; }

  // Views: share storage, no copy.
  Tensor reshaped(const Shape& shape) const;    // same element count
  Tensor rows(int begin, int end) const;        // [begin, end) along axis 0
  bool shares_storage_with(const Tensor& other) const { return storage_ && storage_ == other.storage_; }

  Tensor clone() const;  // deep copy
  void fill(float value);
  void zero() { fill(0.0f); }
  void copy_from(const Tensor& other);  // same size; copies values

 private:
  std::shared_ptr<TensorBuffer> storage_;
  size_t offset_ = 0;
  Shape shape_;

  void release() noexcept;  // drops a non-empty buffer, into the pool if this was its last holder
};
