// Every background job kind, by name (demos/background_job.h). Created on the
// st-gatys branch with only the gatys line; st-worker's version has the others.
#include "demos/background_job.h"
#include "demos/style_transfer/gatys_job.h"

// Adding a job kind: one line here.
void register_all_background_jobs() {
  register_background_job("gatys", make_gatys_job);
}
