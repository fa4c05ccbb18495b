// tests/demos/registry_test.cpp: every registered demo honours the interface
// contract the shell and the URL codec rely on.
#include "demos/registry.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "app/url_state.h"

namespace {

bool is_url_name(const std::string& s, bool upper_case_allowed = false) {
  if (s.empty() || s.size() > url_state::kMaxKeyLength) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (upper_case_allowed && c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  return true;
}

}  // namespace

TEST_CASE("demos have unique URL-safe names, titles and explanations") {
  auto demos = make_all_demos();
  REQUIRE(demos.size() >= 2);
  std::set<std::string> names;
  for (auto& demo : demos) {
    CAPTURE(demo->name());
    CHECK(is_url_name(demo->name()));
    CHECK(names.insert(demo->name()).second);
    CHECK(std::string(demo->title()).size() > 3);
    CHECK(std::string(demo->explanation()).size() > 100);
  }
}

TEST_CASE("every demo declares unique keys whose defaults are valid values") {
  for (auto& demo : make_all_demos()) {
    CAPTURE(demo->name());
    StateFields fields;
    demo->declare_state(fields);
    fields.reset_all();
    std::set<std::string> keys;
    for (const StateField& f : fields.all()) {
      CAPTURE(f.key);
      CHECK(is_url_name(f.key, /*upper_case_allowed=*/true));
      CHECK(f.key != "demo");
      CHECK(keys.insert(f.key).second);
      double parsed;
      CHECK(url_state::parse_value(f, url_state::format_value(f), &parsed));
    }
  }
}

TEST_CASE("every demo's state round-trips through the URL hash") {
  for (auto& demo : make_all_demos()) {
    CAPTURE(demo->name());
    StateFields fields;
    demo->declare_state(fields);
    // Move every field off its default: the maximum for ranges, the last choice,
    // true; text keeps its (valid) default, as set() does not touch text.
    fields.reset_all();
    for (const StateField& f : fields.all()) f.set(f.type == FieldType::Boolean ? 1.0 : f.max);
    demo->state_loaded();
    std::string hash = url_state::encode_state(demo->name(), fields);

    fields.reset_all();
    url_state::ParsedHash parsed = url_state::parse_hash(hash);
    CHECK(parsed.demo == demo->name());
    CHECK(url_state::apply_pairs(parsed.pairs, fields).empty());
    CHECK(url_state::encode_state(demo->name(), fields) == hash);
  }
}

TEST_CASE("step() stops at a budget's first \"expired\", running or not") {
  // Counted, not timed: a slow machine must not fail this. Each work loop asks
  // the budget once before each unit; after a "yes" it must not ask again, so
  // the "yes" answers are at most the number of loops in a frame.
  for (auto& demo : make_all_demos()) {
    for (double run : {0.0, 1.0}) {
      std::string name = demo->name();  // CAPTURE keeps a reference: not to a temporary
      CAPTURE(name);
      CAPTURE(run);
      StateFields fields;
      demo->declare_state(fields);
      fields.reset_all();
      if (const StateField* field = fields.find("run")) field->set(run);
      demo->state_loaded();
      for (int frame = 0; frame < 3; ++frame) {
        StepBudget budget = StepBudget::for_checks(0);
        demo->step(budget);
        CHECK(budget.checks_made == budget.expired_answers);
        CHECK(budget.expired_answers <= 8);
      }
    }
  }
}
