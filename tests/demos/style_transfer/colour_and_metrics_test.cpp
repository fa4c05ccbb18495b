// tests/demos/style_transfer/colour_and_metrics_test.cpp: colour preservation and the judging metrics.
#include <doctest/doctest.h>

#include <cmath>

#include "demos/style_transfer/colour_transfer.h"
#include "demos/style_transfer/style_metrics.h"
#include "tests/engine/gradcheck.h"

namespace {

Tensor image(int h, int w, uint64_t seed) { return random_tensor({1, 3, h, w}, seed, 0.0f, 1.0f); }

}  // namespace

TEST_CASE("YIQ round-trips and its Y is the BT.601 luminance") {
  const Tensor rgb = image(5, 7, 1);
  const Tensor back = yiq_to_rgb(rgb_to_yiq(rgb));
  for (int i = 0; i < rgb.size(); ++i) CHECK(back[i] == doctest::Approx(rgb[i]).epsilon(1e-5));
  const Tensor white = Tensor(Shape{1, 3, 1, 1}, 1.0f);
  const Tensor yiq = rgb_to_yiq(white);
  CHECK(yiq[0] == doctest::Approx(1.0));
  CHECK(std::fabs(yiq[1]) < 1e-5);
  CHECK(std::fabs(yiq[2]) < 1e-5);
}

TEST_CASE("colour matching gives the style the content's RGB mean and covariance") {
  // A style of mid-range colours (no clamping) and a content with other statistics.
  Tensor style = random_tensor({1, 3, 16, 16}, 2, 0.4f, 0.6f), content = image(20, 12, 3);
  for (int i = 0; i < 240; ++i) content[240 + i] = 0.5f * content[i] + 0.5f * content[240 + i];  // correlated channels
  const Tensor matched = match_colour_statistics(style, content);
  const auto mean = [](const Tensor& t, int c) {
    const int n = t.dim(2) * t.dim(3);
    double s = 0;
    for (int p = 0; p < n; ++p) s += t[c * n + p];
    return s / n;
  };
  const auto covariance = [&](const Tensor& t, int a, int b) {
    const int n = t.dim(2) * t.dim(3);
    const double ma = mean(t, a), mb = mean(t, b);
    double s = 0;
    for (int p = 0; p < n; ++p) s += (t[a * n + p] - ma) * (t[b * n + p] - mb);
    return s / n;
  };
  for (int a = 0; a < 3; ++a) {
    CHECK(mean(matched, a) == doctest::Approx(mean(content, a)).epsilon(1e-3));
    for (int b = 0; b < 3; ++b) CHECK(covariance(matched, a, b) == doctest::Approx(covariance(content, a, b)).epsilon(0.1).scale(0.01));
  }
}

TEST_CASE("combining a new luminance with the content keeps the content's I and Q") {
  const Tensor content = random_tensor({1, 3, 8, 8}, 4, 0.3f, 0.7f);
  const Tensor y = random_tensor({1, 1, 8, 8}, 5, 0.4f, 0.6f);
  const Tensor out = rgb_to_yiq(combine_luminance(y, content)), reference = rgb_to_yiq(content);
  for (int p = 0; p < 64; ++p) {
    CHECK(out[p] == doctest::Approx(y[p]).epsilon(1e-4));
    CHECK(out[64 + p] == doctest::Approx(reference[64 + p]).epsilon(1e-4).scale(0.01));
    CHECK(out[128 + p] == doctest::Approx(reference[128 + p]).epsilon(1e-4).scale(0.01));
  }
  const Tensor matched = luminance_matched(random_tensor({1, 3, 8, 8}, 6, 0.0f, 0.2f), content);
  double m = 0, r = 0;
  const Tensor ry = luminance(content);
  for (int p = 0; p < 64; ++p) {
    m += matched[p];
    r += ry[p];
  }
  CHECK(m / 64 == doctest::Approx(r / 64).epsilon(1e-4));
}

TEST_CASE("the colour-histogram distance is 0 for the same colours, 1 for disjoint ones, and ignores layout") {
  const Tensor a = image(16, 16, 7);
  CHECK(colour_histogram_distance(a, a) == 0);
  CHECK(colour_histogram_distance(Tensor(Shape{1, 3, 4, 4}, 0.0f), Tensor(Shape{1, 3, 9, 9}, 1.0f)) == doctest::Approx(1.0));
  Tensor flipped(a.shape());
  for (int c = 0; c < 3; ++c)
    for (int p = 0; p < 256; ++p) flipped[c * 256 + p] = a[c * 256 + 255 - p];
  CHECK(colour_histogram_distance(a, flipped) == doctest::Approx(0).scale(1));
}

TEST_CASE("SSIM is 1 for the same image and falls with noise") {
  const Tensor a = image(24, 24, 8);
  CHECK(ssim(a, a) == doctest::Approx(1.0));
  Tensor noisy = a.clone(), noisier = a.clone();
  const Tensor noise = random_tensor(a.shape(), 9, -1.0f, 1.0f);
  for (int i = 0; i < a.size(); ++i) {
    noisy[i] = std::clamp(a[i] + 0.05f * noise[i], 0.0f, 1.0f);
    noisier[i] = std::clamp(a[i] + 0.3f * noise[i], 0.0f, 1.0f);
  }
  CHECK(ssim(a, noisy) < 1);
  CHECK(ssim(a, noisier) < ssim(a, noisy));
}

TEST_CASE("the Gram loss under another network is 0 for the style itself and positive otherwise") {
  LossNetwork judge = LossNetwork::random_normalised(1234);
  const Tensor style = image(32, 32, 10);
  CHECK(gram_loss_under(judge, style, style) == 0);
  CHECK(gram_loss_under(judge, image(32, 32, 11), style) > 0);
}

TEST_CASE("cross-correlation finds a shifted copy and not an unrelated image") {
  const Tensor b = image(32, 32, 12);
  Tensor shifted(Shape{1, 3, 24, 24});
  for (int c = 0; c < 3; ++c)
    for (int y = 0; y < 24; ++y)
      for (int x = 0; x < 24; ++x) shifted[(c * 24 + y) * 24 + x] = b[(c * 32 + y + 5) * 32 + x + 3];
  CHECK(max_normalised_cross_correlation(shifted, b) == doctest::Approx(1.0).epsilon(1e-6));
  CHECK(max_normalised_cross_correlation(image(24, 24, 13), b) < 0.5);
}
