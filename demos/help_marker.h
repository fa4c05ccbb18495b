// A "(?)" after the previous widget that shows `text` on hover, as in
// imgui_demo.cpp: the explanation sits next to the control it explains.
// `text` is English and shown through tr(): its Korean row lives in the
// table of the demo that calls help_marker (tools/ui_strings.js finds it).
#pragma once

void help_marker(const char* text);
