// Every background job kind, by name. The app, the compute worker's wasm and
// the tests all call register_all_background_jobs() once, so a kind started
// on the UI side always exists where it runs.
#include "demos/background_job.h"
#include "demos/captioning/caption_train_job.h"
#include "demos/jobs/count_primes_job.h"
#include "demos/style_transfer/fast_stylise_job.h"
#include "demos/style_transfer/fast_train_job.h"
#include "demos/style_transfer/gatys_job.h"
#include "demos/style_transfer/inside_job.h"

// Adding a job kind: one line here.
void register_all_background_jobs() {
  register_background_job("count_primes", make_count_primes_job);
  register_background_job("gatys", make_gatys_job);
  register_background_job("fast_train", &FastTrainJob::make);
  register_background_job("fast_stylise", make_fast_stylise_job);
  register_background_job("inside", make_inside_job);
  register_background_job("caption_train", &CaptionTrainJob::make);
}
