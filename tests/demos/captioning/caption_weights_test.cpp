// tests/demos/captioning/caption_weights_test.cpp: both captioners in one file,
// byte-exact round trips, and bad files refused with a message, nothing changed.
#include "demos/captioning/caption_weights.h"

#include <doctest/doctest.h>

#include "tests/engine/gradcheck.h"

namespace {

CaptionerSize tiny_size() {
  CaptionerSize size;
  size.embedding = 4;
  size.hidden = 5;
  size.attention = 3;
  size.encoder = {2, 2, 2, 3};
  return size;
}

struct Pair {
  Captioner show_tell, attention;
  explicit Pair(uint64_t seed)
      : show_tell(CaptionModel::show_tell, seed, tiny_size()), attention(CaptionModel::attention, seed, tiny_size()) {}
  std::vector<uint8_t> bytes() const { return save_captioners(show_tell, attention); }
};

}  // namespace

TEST_CASE("both captioners round-trip through one weights file byte for byte") {
  const Pair trained(3);
  Pair fresh(4);
  const std::vector<uint8_t> bytes = trained.bytes();
  REQUIRE_FALSE(bytes.empty());
  CHECK(bytes != fresh.bytes());
  const LoadResult loaded = load_captioners(bytes.data(), bytes.size(), fresh.show_tell, fresh.attention);
  REQUIRE_MESSAGE(loaded.ok, loaded.error);
  CHECK(fresh.bytes() == bytes);
  // The same model from the same seed gives the same file: the shipped weights are reproducible.
  CHECK(Pair(3).bytes() == bytes);
}

TEST_CASE("corrupt, truncated or mismatched caption weights are refused with a message, nothing changed") {
  const std::vector<uint8_t> good = Pair(3).bytes();
  Pair target(5);
  const std::vector<uint8_t> before = target.bytes();
  std::vector<uint8_t> corrupt = good;  // one bit flipped: the checksum catches it
  corrupt[corrupt.size() / 2] ^= 0x40;
  std::vector<uint8_t> truncated(good.begin(), good.begin() + static_cast<long>(good.size() / 3));
  for (const std::vector<uint8_t>* bad : {&corrupt, &truncated}) {
    const LoadResult result = load_captioners(bad->data(), bad->size(), target.show_tell, target.attention);
    CHECK_FALSE(result.ok);
    CHECK(result.error.rfind("caption weights: ", 0) == 0);
    CHECK(result.error.size() > 20);
  }
  CHECK(load_captioners(nullptr, 0, target.show_tell, target.attention).error == "caption weights: the file is empty");
  // A file for other sizes names the shape that does not fit.
  CaptionerSize wider = tiny_size();
  wider.hidden = 6;
  Captioner other_st(CaptionModel::show_tell, 1, wider), other_att(CaptionModel::attention, 1, wider);
  const LoadResult mismatch = load_captioners(good.data(), good.size(), other_st, other_att);
  CHECK_FALSE(mismatch.ok);
  CHECK(mismatch.error.find("shape") != std::string::npos);
  // Models swapped.
  CHECK_FALSE(load_captioners(good.data(), good.size(), target.attention, target.show_tell).ok);
  CHECK(target.bytes() == before);
  CHECK_FALSE(load_captioners_file("/nonexistent/captioner.dlpw", target.show_tell, target.attention).ok);
}
