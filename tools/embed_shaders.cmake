# Writes the GLSL files in SHADER_DIR into the C++ header OUT as string
# constants: shaders/imgui.vert.glsl -> shaders::imgui_vert. Run by CMake at build time.
file(GLOB SHADERS "${SHADER_DIR}/*.glsl")
list(SORT SHADERS)
set(content "// Generated from shaders/*.glsl by tools/embed_shaders.cmake; do not edit.\n#pragma once\n\nnamespace shaders {\n")
foreach(file ${SHADERS})
  get_filename_component(name "${file}" NAME)
  string(REGEX REPLACE "\\.glsl$" "" name "${name}")
  string(REPLACE "." "_" name "${name}")
  file(READ "${file}" source)
  string(APPEND content "\ninline constexpr const char ${name}[] = R\"glsl(${source})glsl\";\n")
endforeach()
string(APPEND content "\n}  // namespace shaders\n")
file(WRITE "${OUT}" "${content}")
