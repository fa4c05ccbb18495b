// Knowledge distillation's loss (Hinton, Vinyals & Dean 2015, section 2):
//
//   L = alpha * T^2 * KL( softmax(t / T) || softmax(s / T) ) + (1 - alpha) * CE( softmax(s), y )
//
// t the teacher's logits (fixed), s the student's, y the hard labels. The
// soft term's gradient is T (softmax(s/T) - softmax(t/T)) / B: without the T^2
// it would shrink as 1/T^2 and vanish next to the hard term at high T. The
// KL and the cross-entropy with soft targets differ by the teacher's entropy,
// a constant, so they have the same gradient.
#pragma once

#include <vector>

#include "engine/autodiff.h"

// student_logits and teacher_logits [B, K]; labels B class indices; alpha in [0, 1].
Var distillation_loss(Var student_logits, Var teacher_logits, const std::vector<int>& labels, float temperature,
                      float alpha);
