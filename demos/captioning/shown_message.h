// The demo's messages are kept in English (the status report and the tests
// read them); on screen they are shown in the UI language.
#pragma once

#include <string>

// `english` as shown: each "; "-separated part translated whole, or through
// one of the message patterns with gaps (object names, numbers, an engine
// error) that keep their English. A part nothing matches stays English.
std::string shown_message(const std::string& english);
