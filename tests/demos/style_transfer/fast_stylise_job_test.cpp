// tests/demos/style_transfer/fast_stylise_job_test.cpp: the fast_stylise job's reply format.
#include "demos/style_transfer/fast_stylise_job.h"

#include <doctest/doctest.h>

#include "engine/io/tensor_bytes.h"

// The same gap tests/fuzz/fuzz_jobs found in the inside job's decoder.
TEST_CASE("a fast_stylise reply that reports a failure with an empty message still decodes to a reason") {
  Bytes reply;
  put_u8(reply, 0);
  put_string(reply, "");
  FastStyliseResult result;
  std::string error;
  CHECK_FALSE(decode_fast_stylise_result(reply, &result, &error));
  CHECK(error == "fast stylise: the job failed without saying why");
}
