#version 300 es
// Colours a float texture of network outputs (demos/heatmap.h explains the
// two kinds). Must match heatmap_color() in demos/heatmap.cpp, the CPU path.
precision highp float;
uniform sampler2D values;
uniform int kind;         // 0: one value in [-1, 1]; 1: class probabilities p0..p3 (p4 = 1 - sum)
uniform int classes;      // 2..5 for kind 1
uniform bool discretize;  // hard colours instead of confidence shading
uniform vec3 palette[5];  // class colours; for kind 0, [0] is negative and [1] positive
uniform vec3 background;
in vec2 frag_uv;
out vec4 out_color;

void main() {
  vec4 t = texture(values, frag_uv);
  if (kind == 0) {
    float v = clamp(t.r, -1.0, 1.0);
    if (discretize) v = v >= 0.0 ? 1.0 : -1.0;
    vec3 c = v >= 0.0 ? palette[1] : palette[0];
    out_color = vec4(mix(background, c, 0.15 + 0.7 * abs(v)), 1.0);
    return;
  }
  float p[5];
  p[0] = t.r; p[1] = t.g; p[2] = t.b; p[3] = t.a;
  p[4] = max(0.0, 1.0 - t.r - t.g - t.b - t.a);
  vec3 blended = vec3(0.0);
  float top = 0.0;
  int best = 0;
  for (int k = 0; k < 5; ++k) {
    if (k >= classes) break;
    blended += p[k] * palette[k];
    if (p[k] > top) { top = p[k]; best = k; }
  }
  float uniform_p = 1.0 / float(classes);
  float confidence = clamp((top - uniform_p) / (1.0 - uniform_p), 0.0, 1.0);
  if (discretize) { blended = palette[best]; confidence = 1.0; }
  out_color = vec4(mix(background, blended, 0.15 + 0.7 * confidence), 1.0);
}
