// tests/demos/style_transfer/inside_job_test.cpp: the inside job's reply format.
#include "demos/style_transfer/inside_job.h"

#include <doctest/doctest.h>

#include "engine/io/tensor_bytes.h"

// Found by tests/fuzz/fuzz_jobs (regressions/fuzz_jobs/inside-failure-without-message).
TEST_CASE("an inside reply that reports a failure with an empty message still decodes to a reason") {
  Bytes reply;
  put_u8(reply, 0);
  put_string(reply, "");
  InsideAnalysis analysis;
  std::string error;
  CHECK_FALSE(decode_inside_analysis(reply, &analysis, &error));
  CHECK(error == "inside: the job failed without saying why");
  CHECK_FALSE(analysis.ready);
}
