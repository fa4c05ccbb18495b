// Every background job kind, registered once at startup (demos/background_job.h).
#include "demos/background_job.h"
#include "demos/style_transfer/fast_train_job.h"

void register_all_background_jobs() {
  register_background_job("fast_train", &FastTrainJob::make);
}
