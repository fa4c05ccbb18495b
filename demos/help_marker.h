// A "(?)" after the previous widget that shows `text` on hover, as in
// imgui_demo.cpp: the explanation sits next to the control it explains.
#pragma once

void help_marker(const char* text);
