#version 300 es
// A screen-aligned quad from gl_VertexID (no vertex buffer): corners of `rect`,
// given in clip space as (x0, y0, x1, y1); uv (0, 0) at the top-left.
uniform vec4 rect;
out vec2 frag_uv;

void main() {
  vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
  frag_uv = vec2(corner.x, 1.0 - corner.y);
  gl_Position = vec4(mix(rect.xy, rect.zw, corner), 0.0, 1.0);
}
