// tests/engine/io/weights_test.cpp: the .dlpw format round-trips bit for bit,
// and every kind of bad file is refused with a clear message while the model
// stays untouched.
#include "engine/io/weights.h"

#include <doctest/doctest.h>

#include <cfloat>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "engine/io/crc32.h"
#include "engine/random.h"

namespace {

// Four parameters of ranks 2, 1, 4 and 0, as a small model would have.
struct Model {
  Parameter weight{"dense.weight", Tensor(Shape{3, 4})};
  Parameter bias{"dense.bias", Tensor(Shape{4})};
  Parameter kernel{"conv.kernel", Tensor(Shape{2, 1, 3, 3})};
  Parameter temperature{"temperature", Tensor::scalar(0)};

  explicit Model(uint64_t seed) {
    Pcg32 rng(seed);
    for (Parameter* p : all()) {
      for (int i = 0; i < p->value.size(); ++i) p->value[i] = rng.uniform(-2, 2);
      for (int i = 0; i < p->grad.size(); ++i) p->grad[i] = rng.uniform(-1, 1);
    }
  }
  Model(const Model&) = delete;  // Parameters share storage when copied
  std::vector<Parameter*> all() { return {&weight, &bias, &kernel, &temperature}; }
  std::vector<const Parameter*> all_const() { return {&weight, &bias, &kernel, &temperature}; }
};

std::vector<uint32_t> bits_of(const Tensor& t) {
  std::vector<uint32_t> bits(static_cast<size_t>(t.size()));
  std::memcpy(bits.data(), t.data(), bits.size() * sizeof(uint32_t));
  return bits;
}

// Every value and gradient bit of the model, to prove nothing was written.
std::vector<std::vector<uint32_t>> snapshot(Model& m) {
  std::vector<std::vector<uint32_t>> all;
  for (Parameter* p : m.all()) {
    all.push_back(bits_of(p->value));
    all.push_back(bits_of(p->grad));
  }
  return all;
}

// Writes files field by field from the documented layout, independently of
// save_weights, so tests can build well-sealed files with one thing wrong.
struct FileBuilder {
  std::vector<uint8_t> bytes;

  FileBuilder& u8(uint32_t v) {
    bytes.push_back(static_cast<uint8_t>(v & 0xFFu));
    return *this;
  }
  FileBuilder& u16(uint32_t v) { return u8(v).u8(v >> 8); }
  FileBuilder& u32(uint32_t v) { return u16(v).u16(v >> 16); }
  FileBuilder& text(const std::string& s) {
    bytes.insert(bytes.end(), s.begin(), s.end());
    return *this;
  }
  FileBuilder& header(uint32_t count, uint32_t version = 1) { return text("DLPW").u32(version).u32(count); }
  FileBuilder& tensor(const std::string& name, const Shape& shape, float first_value = 0.5f) {
    u16(static_cast<uint32_t>(name.size())).text(name).u8(static_cast<uint32_t>(shape.rank));
    for (int axis = 0; axis < shape.rank; ++axis) u32(static_cast<uint32_t>(shape[axis]));
    for (int i = 0; i < shape.size(); ++i) {
      float value = first_value + static_cast<float>(i);
      uint32_t bits;
      std::memcpy(&bits, &value, sizeof bits);
      u32(bits);
    }
    return *this;
  }
  std::vector<uint8_t> sealed() const {
    std::vector<uint8_t> out = bytes;
    FileBuilder crc;
    crc.u32(crc32(bytes.data(), bytes.size()));
    out.insert(out.end(), crc.bytes.begin(), crc.bytes.end());
    return out;
  }
};

// The model's four tensors, well formed; tests add, drop or change one.
FileBuilder header_and_model_tensors(uint32_t count) {
  FileBuilder b;
  b.header(count).tensor("dense.weight", {3, 4}).tensor("dense.bias", {4}).tensor("conv.kernel", {2, 1, 3, 3});
  return b;
}

void expect_rejected(const std::vector<uint8_t>& file, const std::string& message_part) {
  Model model(7);
  auto before = snapshot(model);
  LoadResult result = load_weights(file.data(), file.size(), model.all());
  CAPTURE(result.error);
  CHECK_FALSE(result.ok);
  CHECK(result.error.rfind("weights: ", 0) == 0);
  CHECK(result.error.find(message_part) != std::string::npos);
  CHECK(snapshot(model) == before);
}

}  // namespace

TEST_CASE("crc32 gives the standard check value and continues across pieces") {
  const std::string digits = "123456789";
  const auto* bytes = reinterpret_cast<const uint8_t*>(digits.data());
  CHECK(crc32(bytes, 9) == 0xCBF43926u);
  CHECK(crc32(bytes + 4, 5, crc32(bytes, 4)) == 0xCBF43926u);
  CHECK(crc32(bytes, 0) == 0u);
}

TEST_CASE("weights round-trip bit for bit through bytes, for ranks 0 to 4") {
  Model source(1);
  source.weight.value[0] = -0.0f;
  source.weight.value[1] = std::numeric_limits<float>::denorm_min();
  source.weight.value[2] = FLT_MAX;
  source.weight.value[3] = -std::numeric_limits<float>::infinity();
  source.weight.value[4] = std::numeric_limits<float>::quiet_NaN();
  Parameter cube("cube", Tensor(Shape{2, 3, 5}));
  for (int i = 0; i < cube.value.size(); ++i) cube.value[i] = static_cast<float>(i) / 7.0f;
  std::vector<const Parameter*> saved = source.all_const();
  saved.push_back(&cube);
  std::vector<uint8_t> file = save_weights(saved);
  REQUIRE_FALSE(file.empty());

  Model target(2);
  Parameter cube_target("cube", Tensor(Shape{2, 3, 5}));
  auto grads_before = bits_of(target.kernel.grad);
  std::vector<Parameter*> loaded = target.all();
  loaded.push_back(&cube_target);
  LoadResult result = load_weights(file.data(), file.size(), loaded);
  REQUIRE_MESSAGE(result.ok, result.error);
  for (size_t i = 0; i < saved.size(); ++i) {
    CAPTURE(saved[i]->name);
    CHECK(bits_of(loaded[i]->value) == bits_of(saved[i]->value));
  }
  CHECK(bits_of(target.kernel.grad) == grads_before);  // only values are loaded
}

TEST_CASE("save_weights writes exactly the documented byte layout") {
  Parameter scalar("s", Tensor::scalar(1.0f));
  Parameter row("row", Tensor::from({2}, {0.5f, 1.5f}));
  std::vector<uint8_t> file = save_weights({&scalar, &row});
  std::vector<uint8_t> expected = {
      'D', 'L', 'P', 'W', 1, 0, 0, 0, 2, 0, 0, 0,               // magic, version 1, 2 tensors
      1, 0, 's', 0, 0x00, 0x00, 0x80, 0x3F,                     // "s", rank 0, 1.0f
      3, 0, 'r', 'o', 'w', 1, 2, 0, 0, 0,                       // "row", rank 1, [2]
      0x00, 0x00, 0x00, 0x3F, 0x00, 0x00, 0xC0, 0x3F};          // 0.5f, 1.5f
  uint32_t crc = crc32(expected.data(), expected.size());
  for (int shift = 0; shift < 32; shift += 8) expected.push_back(static_cast<uint8_t>(crc >> shift));
  CHECK(file == expected);

  FileBuilder b;
  b.header(2).tensor("s", {}, 1.0f).tensor("row", {2}, 0.5f);
  CHECK(b.sealed() == expected);
}

TEST_CASE("tensors may come in any order in the file") {
  FileBuilder b;
  b.header(4).tensor("temperature", {}, 9.0f).tensor("conv.kernel", {2, 1, 3, 3}).tensor("dense.bias", {4});
  b.tensor("dense.weight", {3, 4}, -1.0f);
  std::vector<uint8_t> file = b.sealed();
  Model model(3);
  LoadResult result = load_weights(file.data(), file.size(), model.all());
  REQUIRE_MESSAGE(result.ok, result.error);
  CHECK(model.temperature.value.item() == 9.0f);
  CHECK(model.weight.value[11] == 10.0f);
}

TEST_CASE("a bad file is refused with a message naming the fault, and the model is untouched") {
  Model source(1);
  const std::vector<uint8_t> good = save_weights(source.all_const());
  REQUIRE(good.size() > 100);

  SUBCASE("empty file") { expect_rejected({}, "file is empty"); }
  SUBCASE("truncated in the header") {
    expect_rejected({good.begin(), good.begin() + 6}, "file is truncated (needs 4 bytes at offset 4 for the version");
  }
  SUBCASE("truncated in the middle of the data") {
    expect_rejected({good.begin(), good.end() - 30}, "file is truncated");
    expect_rejected({good.begin(), good.end() - 30}, "for the values of 'conv.kernel'");
  }
  SUBCASE("truncated in the checksum") {
    expect_rejected({good.begin(), good.end() - 2}, "for the checksum, only 2 remain");
  }
  SUBCASE("bad magic") {
    std::vector<uint8_t> file = good;
    file[0] = 'P';
    expect_rejected(file, "not a weights file");
  }
  SUBCASE("wrong version") {
    FileBuilder b;
    b.header(0, 7);
    expect_rejected(b.sealed(), "version 7 is not supported (this build reads version 1)");
  }
  SUBCASE("checksum flipped") {
    std::vector<uint8_t> file = good;
    file.back() ^= 0x01;
    expect_rejected(file, "checksum mismatch (file is corrupt)");
  }
  SUBCASE("a data byte flipped") {
    std::vector<uint8_t> file = good;
    file[file.size() - 10] ^= 0x40;  // inside the values of conv.kernel
    expect_rejected(file, "checksum mismatch (file is corrupt)");
  }
  SUBCASE("wrong shape, after three good tensors") {
    FileBuilder b = header_and_model_tensors(4);
    b.tensor("temperature", {1});
    expect_rejected(b.sealed(), "shape of 'temperature' is [1] in the file but [] in the model");
    FileBuilder c;
    c.header(4).tensor("temperature", {}).tensor("dense.bias", {4}).tensor("conv.kernel", {2, 1, 3, 3});
    c.tensor("dense.weight", {4, 3});
    expect_rejected(c.sealed(), "shape of 'dense.weight' is [4, 3] in the file but [3, 4] in the model");
  }
  SUBCASE("missing tensor") {
    expect_rejected(header_and_model_tensors(3).sealed(), "missing tensor 'temperature'");
  }
  SUBCASE("duplicate tensor") {
    FileBuilder b = header_and_model_tensors(5);
    b.tensor("temperature", {}).tensor("dense.bias", {4});
    expect_rejected(b.sealed(), "tensor 'dense.bias' appears more than once in the file");
  }
  SUBCASE("extra tensor the model does not have") {
    FileBuilder b = header_and_model_tensors(5);
    b.tensor("temperature", {}).tensor("decoder.bias", {4});
    expect_rejected(b.sealed(), "the file has tensor 'decoder.bias' that the model does not have");
  }
  SUBCASE("absurd tensor count") {
    FileBuilder b;
    b.header(0xFFFFFFFFu);
    expect_rejected(b.sealed(), "tensor count 4294967295 is absurd (limit 65536)");
    FileBuilder c;
    c.header(65536).tensor("dense.bias", {4});  // a count within the limit, but the file ends after one
    expect_rejected(c.bytes, "file is truncated (needs 2 bytes at offset 45 for the name length of tensor 1");
  }
  SUBCASE("absurd name length") {
    FileBuilder b;
    b.header(1).u16(60000).text("x");
    expect_rejected(b.sealed(), "name length 60000 of tensor 0 is absurd (limit 1024)");
  }
  SUBCASE("empty name") {
    FileBuilder b;
    b.header(1).tensor("", {2});
    expect_rejected(b.sealed(), "tensor 0 has an empty name");
  }
  SUBCASE("rank above 4") {
    FileBuilder b;
    b.header(1).u16(1).text("x").u8(5).u32(1).u32(1).u32(1).u32(1).u32(1).u32(0);
    expect_rejected(b.sealed(), "rank 5 of 'x' is not supported (at most 4)");
  }
  SUBCASE("a zero dimension") {
    FileBuilder b;
    b.header(1).u16(1).text("x").u8(2).u32(3).u32(0);
    expect_rejected(b.sealed(), "dimension 1 of 'x' is 0");
  }
  SUBCASE("absurd element count") {
    FileBuilder b;
    b.header(1).u16(1).text("x").u8(3).u32(0xFFFFFFFFu).u32(0xFFFFFFFFu).u32(0xFFFFFFFFu);
    expect_rejected(b.sealed(), "'x' has more than 268435456 elements");
  }
  SUBCASE("trailing garbage") {
    std::vector<uint8_t> file = good;
    file.insert(file.end(), {0, 1, 2});
    expect_rejected(file, "3 bytes of trailing garbage after the checksum");
  }
}

TEST_CASE("a model with two parameters of one name can be neither saved nor loaded") {
  Parameter a("same", Tensor(Shape{2}));
  Parameter b("same", Tensor(Shape{2}));
  CHECK(save_weights({&a, &b}).empty());
  std::vector<uint8_t> file = save_weights({&a});
  LoadResult result = load_weights(file.data(), file.size(), {&a, &b});
  CHECK_FALSE(result.ok);
  CHECK(result.error == "weights: the model has two parameters named 'same'");
}

TEST_CASE("weights files save and load through the file helpers") {
  const std::string path = "/tmp/dlpw_weights_test.dlpw";
  Model source(4);
  REQUIRE(save_weights_file(path, source.all_const()));
  Model target(5);
  LoadResult result = load_weights_file(path, target.all());
  std::remove(path.c_str());
  REQUIRE_MESSAGE(result.ok, result.error);
  CHECK(bits_of(target.kernel.value) == bits_of(source.kernel.value));

  LoadResult missing = load_weights_file("/tmp/dlpw_no_such_file.dlpw", target.all());
  CHECK_FALSE(missing.ok);
  CHECK(missing.error == "weights: cannot open '/tmp/dlpw_no_such_file.dlpw'");
}
