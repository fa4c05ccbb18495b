// A small real background job, for testing the background path end to end
// (natively, in the worker, in a sandboxed iframe): counts the primes below a
// limit with a segmented sieve of Eratosthenes, one segment per step, and
// reports its progress after each.
#pragma once

#include <cstdint>
#include <string>

#include "demos/background_job.h"

struct CountPrimesInput {
  uint32_t limit = 0;             // counts primes p < limit; 2..2^31
  uint32_t numbers_per_step = 0;  // the segment each step sieves; 1..2^24
};

struct CountPrimesProgress {
  uint32_t limit = 0;         // which job this is about
  uint32_t checked_below = 0;  // every number below this has been sieved
  uint32_t primes = 0;         // primes below checked_below
  bool finished = false;
};

Bytes encode_count_primes_input(const CountPrimesInput& input);
Bytes encode_count_primes_progress(const CountPrimesProgress& progress);
// False (with a message) if the bytes are not a progress message.
bool decode_count_primes_progress(const Bytes& bytes, CountPrimesProgress* progress, std::string* error);

std::unique_ptr<BackgroundJob> make_count_primes_job();
