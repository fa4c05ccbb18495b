// tests/app/url_state_test.cpp: the URL-hash codec, including hostile input.
#include "app/url_state.h"

#include <doctest/doctest.h>

#include <string>

namespace {

// A demo-like set of fields of every type.
struct Sample {
  float rate = 0;
  int seed = 0;
  bool run = false;
  int data = 0;
  StateFields fields;
  Sample() {
    fields.number("rate", &rate, 0.03f, 0.0001f, 10.0f);
    fields.integer("seed", &seed, 7, 0, 1000);
    fields.boolean("run", &run, false);
    fields.choice("data", &data, {"xor", "circle", "spiral"}, 1);
    fields.reset_all();
  }
};

std::vector<std::string> load(Sample& s, const std::string& hash, std::string* demo = nullptr) {
  url_state::ParsedHash parsed = url_state::parse_hash(hash);
  std::vector<std::string> notices = parsed.notices;
  for (auto& n : url_state::apply_pairs(parsed.pairs, s.fields)) notices.push_back(n);
  if (demo) *demo = parsed.demo;
  return notices;
}

void expect_defaults(const Sample& s) {
  CHECK(s.rate == doctest::Approx(0.03f));
  CHECK(s.seed == 7);
  CHECK(s.run == false);
  CHECK(s.data == 1);
}

}  // namespace

TEST_CASE("encoding then decoding a state gives the same values") {
  Sample a;
  a.rate = 0.1234567f;
  a.seed = 999;
  a.run = true;
  a.data = 2;
  std::string hash = url_state::encode_state("perceptron_line", a.fields);
  CHECK(hash == "demo=perceptron_line&rate=0.1234567&seed=999&run=1&data=spiral");
  Sample b;
  std::string demo;
  CHECK(load(b, "#" + hash, &demo).empty());
  CHECK(demo == "perceptron_line");
  CHECK(b.rate == a.rate);  // bit-exact: the shortest text that reads back the same float
  CHECK(b.seed == 999);
  CHECK(b.run == true);
  CHECK(b.data == 2);
}

TEST_CASE("format_number round-trips floats exactly and stays short") {
  for (float v : {0.0f, 1.0f, -2.5f, 0.1f, 1e-7f, 3.4028235e38f, 0.30000001f, 123456.79f}) {
    std::string text = url_state::format_number(v);
    CHECK(std::strtof(text.c_str(), nullptr) == v);
    CHECK(text.size() <= 15);
  }
  CHECK(url_state::format_number(0.5f) == "0.5");
}

TEST_CASE("fields missing from the hash take their defaults") {
  Sample s;
  s.seed = 500;
  CHECK(load(s, "demo=x&rate=1").empty());
  CHECK(s.rate == 1.0f);
  CHECK(s.seed == 7);
}

// Each malformed input must leave every field at a valid value (its default
// here) and produce a notice; none may crash.
TEST_CASE("malformed hashes fall back to defaults with a notice") {
  const char* bad_inputs[] = {
      "rate=abc",                 // not a number
      "rate=",                    // empty value
      "rate=1e400",               // overflows
      "rate=nan",                 // not finite
      "rate=inf",                 // not finite
      "rate=-1",                  // below range
      "rate=0x10",                // hex is not accepted
      "rate=1.5.5",               // trailing junk
      "rate=1%",                  // truncated escape
      "rate=%zz",                 // bad escape
      "seed=3.5",                 // integer field, fractional value
      "seed=99999999999999999999",// far out of range
      "seed=1001",                // just above range
      "run=yes",                  // boolean spelled wrong
      "run=2",                    // boolean out of range
      "data=moons",               // unknown choice
      "data=XOR",                 // choices are case-sensitive
      "bogus=1",                  // unknown key
      "RATE=1",                   // keys are case-sensitive: an unknown key
      "rate",                     // no '='
      "=5",                       // empty key
      "%ff%fe=1",                 // non-UTF-8 key
      "rate=1%00",                // embedded NUL
      "a-very-long-key-that-goes-on-and-on-and-on=1",
      "<script>alert(1)</script>=1",
  };
  for (const char* input : bad_inputs) {
    CAPTURE(input);
    Sample s;
    s.rate = 5, s.seed = 1, s.run = true, s.data = 0;
    std::vector<std::string> notices = load(s, input);
    CHECK(notices.size() == 1);
    expect_defaults(s);
  }
}

TEST_CASE("a notice quotes hostile text short and printable") {
  Sample s;
  std::vector<std::string> notices = load(s, "rate=%1b%5b31m" + std::string(500, 'A'));
  REQUIRE(notices.size() == 1);
  CHECK(notices[0].size() < 80);
  for (char c : notices[0]) CHECK((c >= 0x20 && c < 0x7f));
}

TEST_CASE("good entries survive next to bad ones") {
  Sample s;
  std::vector<std::string> notices = load(s, "#demo=perceptron_line&&rate=oops&seed=42&&junk&run=1&");
  CHECK(notices.size() == 2);
  CHECK(s.seed == 42);
  CHECK(s.run == true);
  CHECK(s.rate == doctest::Approx(0.03f));
}

TEST_CASE("an oversized hash is ignored whole") {
  Sample s;
  std::string huge = "seed=3&" + std::string(url_state::kMaxHashLength + 10, 'x');
  std::vector<std::string> notices = load(s, huge);
  REQUIRE(notices.size() == 1);
  CHECK(notices[0].find("too long") != std::string::npos);
  expect_defaults(s);
}

TEST_CASE("too many entries are cut off with one notice") {
  std::string many;
  for (int i = 0; i < 1000; ++i) many += "seed=3&";
  url_state::ParsedHash parsed = url_state::parse_hash(many);
  CHECK(parsed.pairs.size() == url_state::kMaxPairs);
  CHECK(parsed.notices.size() == 1);
}

TEST_CASE("the last of duplicate keys wins; percent-escapes decode") {
  Sample s;
  CHECK(load(s, "seed=1&seed=2&data=%73piral").empty());
  CHECK(s.seed == 2);
  CHECK(s.data == 2);
}

TEST_CASE("empty and bare hashes are harmless") {
  for (const char* input : {"", "#", "&", "&&&", "#&=&"}) {
    CAPTURE(input);
    Sample s;
    load(s, input);
    expect_defaults(s);
  }
}

namespace {
bool digits_and_commas(const std::string& s) {
  for (char c : s)
    if (!((c >= '0' && c <= '9') || c == ',' || c == ':' || c == '-' || c == '.')) return false;
  return true;
}
}  // namespace

TEST_CASE("text fields round-trip, and invalid or overlong text falls back to the default") {
  std::string points;
  StateFields fields;
  fields.text("pts", &points, "", 20, digits_and_commas);
  points = "1.5:-2:1,0:3:0";
  std::string hash = url_state::encode_state("d", fields);
  CHECK(hash == "demo=d&pts=1.5:-2:1,0:3:0");  // ',' and ':' need no escaping in a fragment
  points.clear();
  CHECK(url_state::apply_pairs(url_state::parse_hash(hash).pairs, fields).empty());
  CHECK(points == "1.5:-2:1,0:3:0");
  CHECK(url_state::apply_pairs(url_state::parse_hash("pts=1:2:x").pairs, fields).size() == 1);
  CHECK(points.empty());
  CHECK(url_state::apply_pairs(url_state::parse_hash("pts=" + std::string(21, '1')).pairs, fields).size() == 1);
  CHECK(points.empty());
}
