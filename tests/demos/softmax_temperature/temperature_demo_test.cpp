// tests/demos/softmax_temperature/temperature_demo_test.cpp: the demo's URL
// state and what playgroundStatus() reports.
#include "demos/softmax_temperature/temperature_demo.h"

#include <doctest/doctest.h>

#include <cmath>

namespace {

StepBudget generous_budget() { return StepBudget::for_checks(50); }

const DemoReport::Numbers* group(const DemoReport& report, const std::string& name) {
  for (const auto& [key, numbers] : report.groups)
    if (key == name) return &numbers;
  return nullptr;
}

double number(const DemoReport& report, const std::string& key) {
  for (const auto& [k, v] : report.numbers)
    if (k == key) return v;
  return NAN;
}

}  // namespace

TEST_CASE("the temperature demo reports T, the probabilities and their entropy for the logits in its state") {
  TemperatureDemo demo;
  StateFields fields;
  demo.declare_state(fields);
  const StateField* logits = fields.find("logits");
  REQUIRE(logits != nullptr);
  REQUIRE(static_cast<bool>(logits->text_valid));
  CHECK(logits->text_valid(logits->default_text));
  CHECK_FALSE(logits->text_valid("1,2"));
  *logits->text = "2,0,-2";
  fields.find("T")->set(2.0);
  demo.state_loaded();
  demo.step(generous_budget());
  DemoReport report;
  demo.report(report);
  CHECK(number(report, "T") == doctest::Approx(2.0));
  std::vector<double> expected = {std::exp(1.0), 1, std::exp(-1.0)};
  double z = expected[0] + expected[1] + expected[2], entropy = 0;
  for (double& p : expected) {
    p /= z;
    entropy -= p * std::log(p);
  }
  CHECK(number(report, "entropy") == doctest::Approx(entropy));
  REQUIRE(report.lists.size() >= 2);
  CHECK(report.lists[1].first == "probabilities");
  for (size_t i = 0; i < 3; ++i) CHECK(report.lists[1].second[i] == doctest::Approx(expected[i]));
  CHECK(group(report, "distill") != nullptr);
}

TEST_CASE("the distillation trains only while playing; the calibration tab trains and reports its fit") {
  TemperatureDemo demo;
  StateFields fields;
  demo.declare_state(fields);
  fields.find("view")->set(3);  // calibration
  demo.state_loaded();
  for (int i = 0; i < 400 && demo.calibration() == nullptr; ++i) demo.step(generous_budget());
  REQUIRE(demo.calibration() != nullptr);
  for (int i = 0; i < 400 && demo.calibration()->phase() == CalibrationRun::Phase::Training; ++i)
    demo.step(generous_budget());
  CHECK(demo.calibration()->phase() == CalibrationRun::Phase::Finished);
  CHECK(demo.distillation()->teacher_steps() == 0);  // run = 0
  DemoReport report;
  demo.report(report);
  const DemoReport::Numbers* calibration = group(report, "calibration");
  REQUIRE(calibration != nullptr);
  bool has_fit = false;
  for (const auto& [key, value] : *calibration) has_fit |= key == "fitted_T" && value > 1;
  CHECK(has_fit);
}
