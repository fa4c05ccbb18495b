#version 300 es
// Dear ImGui's vertices: position in logical pixels, texture coordinate into
// the font atlas (or a demo's texture), and a premultiplied-free RGBA colour.
uniform mat4 projection;  // logical pixels -> clip space
layout(location = 0) in vec2 position;
layout(location = 1) in vec2 uv;
layout(location = 2) in vec4 color;
out vec2 frag_uv;
out vec4 frag_color;

void main() {
  frag_uv = uv;
  frag_color = color;
  gl_Position = projection * vec4(position, 0.0, 1.0);
}
