// Loss functions and weight penalties. Each returns a scalar (rank-0) Var.
//
// Reductions: the classification losses and the KL term average over the
// batch (axis 0) and sum over classes; binary cross-entropy and MSE average
// over every element; total variation sums over pixels and averages over
// images; the penalties sum over every weight.
#pragma once

#include <vector>

#include "engine/autodiff.h"

namespace ops {

// -(1/B) sum_b log softmax(logits_b)[targets_b]: the negative log-likelihood
// of a categorical distribution. logits [B, K]; targets: B class indices in [0, K).
Var cross_entropy(Var logits, const std::vector<int>& targets);

// -(1/B) sum_b sum_k p_bk log softmax(logits_b)_k with soft targets
// p [B, K] (rows are distributions). Gradients reach the targets too.
Var cross_entropy(Var logits, Var target_probabilities);

// mean over elements of max(z, 0) - z t + log(1 + e^{-|z|}), which equals
// -t log sigmoid(z) - (1 - t) log(1 - sigmoid(z)) without overflow.
// logits and targets (in [0, 1]) have the same shape, any rank; no broadcasting.
// dL/dz = (sigmoid(z) - t) / n: the seed's "y - t" for a sigmoid unit.
Var binary_cross_entropy_with_logits(Var logits, Var targets);

// mean((prediction - target)^2), without a factor 1/2. Same shape; no
// broadcasting, so a [B] vs [B, 1] mix-up is an error rather than a [B, B] loss.
Var mse(Var prediction, Var target);

// (1/B) sum_b KL(softmax(teacher_b / T) || softmax(student_b / T)), times T^2
// if scale_by_t_squared. Both [B, K]. The soft term's gradient scales as 1/T^2,
// so the T^2 factor keeps it comparable to a hard-label loss as T changes
// (Hinton, Vinyals & Dean 2015, "Distilling the knowledge in a neural network").
// Gradients reach the student and, if it needs one, the teacher; pass the
// teacher as a constant (or under NoGradScope) to train the student alone.
Var kl_divergence_tempered(Var student_logits, Var teacher_logits, float temperature, bool scale_by_t_squared);

// Anisotropic total variation of images [N, C, H, W]:
// (1/N) sum |x[h+1, w] - x[h, w]| + |x[h, w+1] - x[h, w]|, summed over
// channels and pixels. The plain L1 form (not smoothed): the gradient of |d|
// is sign(d), 0 at a tie. Used to keep style-transfer outputs smooth.
Var total_variation(Var images);

// The penalties take weights on one tape; an empty list has no tape to
// record on and returns a failed Var{}.
// sum over all weights of |w| (gradient sign(w), 0 at 0): pushes weights to exactly zero.
Var l1_penalty(const std::vector<Var>& weights);

// (1/2) sum over all weights of w^2, WITH the 1/2, so the gradient is w itself:
// lambda * l2_penalty is SGD weight decay with rate lambda.
Var l2_penalty(const std::vector<Var>& weights);

}  // namespace ops
