#include "engine/ops/losses.h"

#include <cmath>
#include <string>

#include "engine/kernels/elementwise.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/linalg.h"
#include "engine/ops/softmax.h"

namespace ops {
namespace {

Var propagate(std::initializer_list<Var> inputs) {
  Tape* tape = tape_of(inputs);
  return tape ? tape->fail("") : Var{};
}

float sign(float x) { return x > 0 ? 1.0f : (x < 0 ? -1.0f : 0.0f); }

bool is_batch_of_rows(const Shape& s) { return s.rank == 2; }

// Calls visit(i, j) for the flat indices of every vertically (h, h+1) and
// horizontally (w, w+1) adjacent pair of pixels of images [N, C, H, W].
template <typename Visit>
void for_each_neighbour_pair(const Shape& s, Visit visit) {
  int planes = s[0] * s[1], height = s[2], width = s[3];
  for (int p = 0; p < planes; ++p) {
    int base = p * height * width;
    for (int h = 0; h < height; ++h)
      for (int w = 0; w < width; ++w) {
        int here = base + h * width + w;
        if (h + 1 < height) visit(here, here + width);
        if (w + 1 < width) visit(here, here + 1);
      }
  }
}

// y = sum over all weights of value(w);  dw = dy * derivative(w).
template <typename Value, typename Derivative>
Var weight_penalty(const std::string& name, const std::vector<Var>& weights, Value value, Derivative derivative) {
  Tape* tape = nullptr;
  for (Var w : weights)
    if (w.tape) {
      tape = w.tape;
      break;
    }
  if (!tape) return Var{};  // empty list, or only tapeless failed Vars
  for (Var w : weights) {
    if (!w.ok()) return tape->fail("");
    if (w.tape != tape) return tape->fail(name + ": the weights are on different tapes");
  }
  double total = 0;
  for (Var w : weights) {
    const Tensor& x = w.value();
    for (int i = 0, end = x.size(); i < end; ++i) total += value(x[i]);
  }
  return tape->record(Tensor::scalar(static_cast<float>(total)), weights, [weights, derivative](Tape& t, Var y) {
    float g = t.grad(y).item();
    for (Var w : weights) {
      if (!t.needs_grad(w)) continue;
      const Tensor& x = t.value(w);
      Tensor& gw = t.grad(w);
      for (int i = 0, end = x.size(); i < end; ++i) gw[i] += g * derivative(x[i]);
    }
  });
}

}  // namespace

Var cross_entropy(Var logits, const std::vector<int>& targets) {
  if (!logits.ok()) return propagate({logits});
  const Shape& s = logits.shape();
  if (!is_batch_of_rows(s)) return logits.tape->fail("cross_entropy: logits must be [batch, classes], got " + s.str());
  int batch = s[0], classes = s[1];
  if (static_cast<int>(targets.size()) != batch)
    return logits.tape->fail("cross_entropy: " + std::to_string(targets.size()) + " targets for logits " + s.str());
  Tensor one_hot(s);
  for (int b = 0; b < batch; ++b) {
    int target = targets[b];
    if (target < 0 || target >= classes)
      return logits.tape->fail("cross_entropy: target " + std::to_string(target) + " (row " + std::to_string(b) +
                               ") is outside [0, " + std::to_string(classes) + ") for logits " + s.str());
    one_hot[b * classes + target] = 1.0f;
  }
  // With one-hot rows the soft form picks -log softmax(z_b)[t_b]; its gradient is (softmax(z_b) - onehot_b) / B.
  return cross_entropy(logits, logits.tape->constant(std::move(one_hot)));
}

// L = -(1/B) sum_{b,k} p[b,k] log_softmax(z)[b,k];  z, p [B, K].
Var cross_entropy(Var logits, Var target_probabilities) {
  if (any_failed({logits, target_probabilities})) return propagate({logits, target_probabilities});
  const Shape &sz = logits.shape(), &sp = target_probabilities.shape();
  if (!is_batch_of_rows(sz) || sz != sp)
    return logits.tape->fail("cross_entropy: logits " + sz.str() + " and target probabilities " + sp.str() +
                             " must both be [batch, classes]");
  Var log_probabilities = log_softmax(logits);
  return scale(sum(mul(target_probabilities, log_probabilities)), -1.0f / static_cast<float>(sz[0]));
}

// L = (1/n) sum softplus(z) - z t, softplus(z) = max(z, 0) + log(1 + e^{-|z|});  dz = dL (sigmoid(z) - t) / n,  dt = -dL z / n.
Var binary_cross_entropy_with_logits(Var logits, Var targets) {
  if (any_failed({logits, targets})) return propagate({logits, targets});
  const Shape &sz = logits.shape(), &st = targets.shape();
  if (sz != st)
    return logits.tape->fail("binary_cross_entropy_with_logits: logits " + sz.str() + " and targets " + st.str() +
                             " must have the same shape");
  const Tensor &z = logits.value(), &t = targets.value();
  Tensor softplus(z.shape());  // max(z, 0) + log(1 + e^{-|z|}), the whole array through the kernel at once
  kernels::softplus(z.data(), softplus.data(), z.size());
  double total = 0;
  for (int i = 0, end = z.size(); i < end; ++i) total += softplus[i] - z[i] * t[i];
  float inverse_count = 1.0f / static_cast<float>(z.size());
  Tensor loss = Tensor::scalar(static_cast<float>(total) * inverse_count);
  return logits.tape->record(std::move(loss), {logits, targets}, [logits, targets, inverse_count](Tape& tp, Var y) {
    const Tensor &zv = tp.value(logits), &tv = tp.value(targets);
    float g = tp.grad(y).item() * inverse_count;
    if (tp.needs_grad(logits)) {
      Tensor& gz = tp.grad(logits);
      Tensor sigmoid(zv.shape());  // the whole array through the kernel at once, not one call per element
      kernels::sigmoid(zv.data(), sigmoid.data(), zv.size());
      for (int i = 0, end = zv.size(); i < end; ++i) gz[i] += g * (sigmoid[i] - tv[i]);
    }
    if (tp.needs_grad(targets)) {
      Tensor& gt = tp.grad(targets);
      for (int i = 0, end = zv.size(); i < end; ++i) gt[i] -= g * zv[i];
    }
  });
}

// L = mean((p - t)^2)
Var mse(Var prediction, Var target) {
  if (any_failed({prediction, target})) return propagate({prediction, target});
  if (prediction.shape() != target.shape())
    return prediction.tape->fail("mse: prediction " + prediction.shape().str() + " and target " +
                                 target.shape().str() + " must have the same shape");
  return mean(square(sub(prediction, target)));
}

// L = (T^2 if scaled) (1/B) sum_{b,k} p[b,k] (log p[b,k] - log q[b,k]),
// p = softmax(teacher / T), q = softmax(student / T), both [B, K].
// Differences of log-softmaxes, not logs of softmaxes: a probability that
// underflows to 0 then contributes 0 * finite = 0 instead of 0 * -inf = NaN.
Var kl_divergence_tempered(Var student_logits, Var teacher_logits, float temperature, bool scale_by_t_squared) {
  if (any_failed({student_logits, teacher_logits})) return propagate({student_logits, teacher_logits});
  Tape* tape = student_logits.tape;
  const Shape &ss = student_logits.shape(), &st = teacher_logits.shape();
  if (!is_batch_of_rows(ss) || ss != st)
    return tape->fail("kl_divergence_tempered: student " + ss.str() + " and teacher " + st.str() +
                      " logits must both be [batch, classes]");
  if (!(temperature > 0) || !std::isfinite(temperature))
    return tape->fail("kl_divergence_tempered: temperature must be positive and finite, got " +
                      std::to_string(temperature));
  Var teacher_probabilities = softmax(teacher_logits, temperature);
  Var log_ratio = sub(log_softmax(teacher_logits, temperature), log_softmax(student_logits, temperature));
  Var kl = scale(sum(mul(teacher_probabilities, log_ratio)), 1.0f / static_cast<float>(ss[0]));
  return scale_by_t_squared ? scale(kl, temperature * temperature) : kl;
}

// L = (1/N) sum_{pairs (i, j) of neighbours} |x[j] - x[i]|  over x[N, C, H, W];
// dx[j] += dL sign(x[j] - x[i]) / N,  dx[i] -= the same.
Var total_variation(Var images) {
  if (!images.ok()) return propagate({images});
  const Shape& s = images.shape();
  if (s.rank != 4) return images.tape->fail("total_variation: images must be [N, C, H, W], got " + s.str());
  const Tensor& x = images.value();
  double total = 0;
  for_each_neighbour_pair(s, [&x, &total](int i, int j) { total += std::fabs(x[j] - x[i]); });
  float inverse_images = 1.0f / static_cast<float>(s[0]);
  Tensor loss = Tensor::scalar(static_cast<float>(total) * inverse_images);
  return images.tape->record(std::move(loss), {images}, [images, inverse_images](Tape& t, Var y) {
    const Tensor& xv = t.value(images);
    Tensor& gx = t.grad(images);
    float g = t.grad(y).item() * inverse_images;
    for_each_neighbour_pair(xv.shape(), [&xv, &gx, g](int i, int j) {
      float d = g * sign(xv[j] - xv[i]);
      gx[j] += d;
      gx[i] -= d;
    });
  });
}

// L = sum |w|;  dw = dL sign(w).
Var l1_penalty(const std::vector<Var>& weights) {
  return weight_penalty("l1_penalty", weights, [](float w) { return std::fabs(static_cast<double>(w)); }, sign);
}

// L = (1/2) sum w^2;  dw = dL w.
Var l2_penalty(const std::vector<Var>& weights) {
  return weight_penalty(
      "l2_penalty", weights, [](float w) { return 0.5 * static_cast<double>(w) * w; }, [](float w) { return w; });
}

}  // namespace ops
