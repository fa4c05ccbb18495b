// Element-wise arithmetic with broadcasting, and scalar and unary maps.
#pragma once

#include "engine/autodiff.h"

namespace ops {

Var add(Var a, Var b);  // a + b
Var sub(Var a, Var b);  // a - b
Var mul(Var a, Var b);  // a * b (element-wise)
Var div(Var a, Var b);  // a / b

Var scale(Var a, float factor);    // factor * a
Var add_scalar(Var a, float term); // a + term
Var square(Var a);                 // a^2
Var exp(Var a);
Var log(Var a);                    // natural log; log of a non-positive value is NaN or -inf, as in IEEE
Var abs(Var a);                    // |a|, with gradient sign(a) (0 at 0)

}  // namespace ops
