// Deterministic elementary functions for random initialisation.
//
// libm's log, sin and cos may differ in the last bit between glibc (native)
// and musl (Emscripten), which would make seeded Gaussian draws differ. These
// use only +, -, *, / and sqrt, which IEEE 754 fixes exactly on every target.
#pragma once

namespace det_math {

double log(double x);  // x > 0; about 1e-15 relative error

}  // namespace det_math
