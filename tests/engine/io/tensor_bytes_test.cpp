#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "engine/io/tensor_bytes.h"

TEST_CASE("tensor bytes: a tensor, a float, a string and an empty tensor round-trip bit for bit") {
  Tensor t = Tensor::from(Shape{2, 3}, {1.5f, -0.0f, 3e-39f, std::numeric_limits<float>::infinity(), NAN, 7});
  std::vector<uint8_t> bytes;
  put_tensor(bytes, t);
  put_f32(bytes, -2.25f);
  put_string(bytes, "relu3_1");
  put_tensor(bytes, Tensor());

  ByteReader in(bytes.data(), bytes.size(), "message");
  Tensor back, empty = Tensor(Shape{1});
  float f = 0;
  std::string s;
  REQUIRE(read_tensor(in, back, "image", 100));
  REQUIRE(read_f32(in, f, "weight"));
  REQUIRE(read_string(in, s, "layer", 64));
  REQUIRE(read_tensor(in, empty, "output", 100));
  CHECK(in.remaining() == 0);
  CHECK(back.shape() == t.shape());
  for (int i = 0; i < t.size(); ++i) CHECK(std::memcmp(&back.data()[i], &t.data()[i], 4) == 0);
  CHECK(f == -2.25f);
  CHECK(s == "relu3_1");
  CHECK(empty.empty());
}

TEST_CASE("tensor bytes: truncated data, a hostile shape and an over-long string are refused with a message") {
  std::vector<uint8_t> bytes;
  put_tensor(bytes, Tensor(Shape{4, 4}, 1.0f));
  ByteReader truncated(bytes.data(), bytes.size() - 1, "message");
  Tensor t;
  CHECK_FALSE(read_tensor(truncated, t, "image", 100));
  CHECK(truncated.error.find("truncated") != std::string::npos);

  ByteReader too_many(bytes.data(), bytes.size(), "message");
  CHECK_FALSE(read_tensor(too_many, t, "image", 15));
  CHECK(too_many.error.find("bad shape") != std::string::npos);

  std::vector<uint8_t> hostile;
  put_u8(hostile, 2);
  put_u32(hostile, 0xFFFFFFFFu);
  put_u32(hostile, 0xFFFFFFFFu);
  ByteReader huge(hostile.data(), hostile.size(), "message");
  CHECK_FALSE(read_tensor(huge, t, "image", uint64_t{1} << 28));

  std::vector<uint8_t> text;
  put_string(text, std::string(100, 'x'));
  ByteReader long_text(text.data(), text.size(), "message");
  std::string s;
  CHECK_FALSE(read_string(long_text, s, "layer", 64));
}
