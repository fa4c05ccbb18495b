#include "demos/softmax_temperature/distillation_loss.h"

#include "engine/ops/elementwise.h"
#include "engine/ops/losses.h"

Var distillation_loss(Var student_logits, Var teacher_logits, const std::vector<int>& labels, float temperature,
                      float alpha) {
  Var soft = ops::kl_divergence_tempered(student_logits, teacher_logits, temperature, /*scale_by_t_squared=*/true);
  Var hard = ops::cross_entropy(student_logits, labels);
  return ops::add(ops::scale(soft, alpha), ops::scale(hard, 1.0f - alpha));
}
