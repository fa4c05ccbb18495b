// A row of tabs whose selection lives in the demo's URL state (`view`,
// `mode`): only a click changes it, otherwise the URL decides, so a link
// opens on the tab it names and switching tabs rewrites the link.
#pragma once

#include <string>
#include <vector>

// Titles are English, marked translatable() where written; shown in the UI
// language with a language-independent ID. Tabs that do not fit one line wrap.
// Draws the tabs and returns true when a click selected a different one.
bool url_tab_bar(const char* id, const std::vector<std::string>& titles, int* selected);
