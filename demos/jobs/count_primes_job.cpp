#include "demos/jobs/count_primes_job.h"

#include <algorithm>
#include <vector>

#include "engine/io/bytes.h"

namespace {

constexpr uint32_t kMaxLimit = uint32_t{1} << 31;
constexpr uint32_t kMaxNumbersPerStep = uint32_t{1} << 24;
constexpr size_t kProgressBytes = 13;

class CountPrimesJob : public BackgroundJob {
 public:
  bool start(const Bytes& input, std::string* error) override {
    if (input.size() != 8) {
      *error = "count_primes: the input must be 8 bytes (limit, numbers per step), not " +
               std::to_string(input.size());
      return false;
    }
    limit_ = get_u32(input.data());
    per_step_ = get_u32(input.data() + 4);
    if (limit_ < 2 || limit_ > kMaxLimit) {
      *error = "count_primes: the limit must be between 2 and 2^31, not " + std::to_string(limit_);
      return false;
    }
    if (per_step_ < 1 || per_step_ > kMaxNumbersPerStep) {
      *error = "count_primes: numbers per step must be between 1 and 2^24, not " + std::to_string(per_step_);
      return false;
    }
    // Primes up to sqrt(limit) strike out every composite below the limit.
    uint32_t root = 1;
    while (static_cast<uint64_t>(root + 1) * (root + 1) < limit_) ++root;
    std::vector<bool> composite(root + 1, false);
    for (uint32_t i = 2; i <= root; ++i) {
      if (composite[i]) continue;
      base_primes_.push_back(i);
      for (uint64_t j = static_cast<uint64_t>(i) * i; j <= root; j += i) composite[static_cast<size_t>(j)] = true;
    }
    next_ = 0;
    primes_ = 0;
    return true;
  }

  bool step(Bytes* message) override {
    // Sieve [low, high): strike multiples of each base prime from max(p*p, first multiple >= low).
    uint32_t low = next_;
    uint32_t high = static_cast<uint32_t>(std::min<uint64_t>(limit_, static_cast<uint64_t>(low) + per_step_));
    std::vector<bool> composite(high - low, false);
    for (uint32_t p : base_primes_) {
      uint64_t first = std::max<uint64_t>(static_cast<uint64_t>(p) * p, (static_cast<uint64_t>(low) + p - 1) / p * p);
      for (uint64_t j = first; j < high; j += p) composite[static_cast<size_t>(j - low)] = true;
    }
    for (uint32_t n = std::max<uint32_t>(low, 2); n < high; ++n)
      if (!composite[n - low]) ++primes_;
    next_ = high;
    bool finished = next_ >= limit_;
    *message = encode_count_primes_progress(CountPrimesProgress{limit_, next_, primes_, finished});
    return !finished;
  }

 private:
  uint32_t limit_ = 0, per_step_ = 0, next_ = 0, primes_ = 0;
  std::vector<uint32_t> base_primes_;
};

}  // namespace

Bytes encode_count_primes_input(const CountPrimesInput& input) {
  Bytes bytes;
  put_u32(bytes, input.limit);
  put_u32(bytes, input.numbers_per_step);
  return bytes;
}

Bytes encode_count_primes_progress(const CountPrimesProgress& progress) {
  Bytes bytes;
  put_u32(bytes, progress.limit);
  put_u32(bytes, progress.checked_below);
  put_u32(bytes, progress.primes);
  put_u8(bytes, progress.finished ? 1 : 0);
  return bytes;
}

bool decode_count_primes_progress(const Bytes& bytes, CountPrimesProgress* progress, std::string* error) {
  if (bytes.size() != kProgressBytes || bytes[12] > 1) {
    *error = "count_primes: not a progress message (" + std::to_string(bytes.size()) + " bytes)";
    return false;
  }
  progress->limit = get_u32(bytes.data());
  progress->checked_below = get_u32(bytes.data() + 4);
  progress->primes = get_u32(bytes.data() + 8);
  progress->finished = bytes[12] == 1;
  return true;
}

std::unique_ptr<BackgroundJob> make_count_primes_job() { return std::make_unique<CountPrimesJob>(); }
