#include "demos/captioning/shown_message.h"

#include <vector>

#include "demos/i18n/tr.h"

namespace {

// Messages built with a gap (%s or %d) where the code puts a name, a number or
// an engine's error: the English as written in scene_edits.cpp, vocabulary.cpp,
// vqa_panel.cpp, caption_demo.cpp, user_picture.cpp and caption_train_job.cpp.
const char* const kPatterns[] = {
    translatable("the %s would overlap the %s: not moved there"),
    translatable("%s: showing scene %s instead"),
    translatable("object item %s is not a %s of this split's images"),
    translatable("%d word not in the vocabulary, read as <unk>: %s"),
    translatable("%d words not in the vocabulary, read as <unk>: %s"),
    translatable("only the first %d words are used"),
    translatable("this scene has no single %s, so the question has no true answer"),
    translatable("the loss is not finite at step %d: try a smaller learning rate"),
    translatable("your picture: %s"),
    translatable("could not load %s"),
    translatable("trained weights: %s"),
    translatable("caption weights: %s"),
};

// The pieces of `format` between its %s / %d gaps.
std::vector<std::string> pieces_of(const char* format) {
  std::vector<std::string> pieces(1);
  for (const char* c = format; *c; ++c) {
    if (c[0] == '%' && (c[1] == 's' || c[1] == 'd')) {
      pieces.emplace_back();
      ++c;
    } else {
      pieces.back() += *c;
    }
  }
  return pieces;
}

// The gaps' text when `text` reads as `format`, else false.
bool match(const char* format, const std::string& text, std::vector<std::string>* gaps) {
  const std::vector<std::string> pieces = pieces_of(format);
  const std::string& last = pieces.back();
  if (pieces.size() < 2 || text.size() < pieces[0].size() + last.size()) return false;
  if (text.compare(0, pieces[0].size(), pieces[0]) != 0) return false;
  if (text.compare(text.size() - last.size(), last.size(), last) != 0) return false;
  const size_t end = text.size() - last.size();
  size_t at = pieces[0].size();
  gaps->clear();
  for (size_t i = 1; i + 1 < pieces.size(); ++i) {
    const size_t found = text.find(pieces[i], at);
    if (found == std::string::npos || found > end) return false;
    gaps->push_back(text.substr(at, found - at));
    at = found + pieces[i].size();
  }
  if (at > end) return false;
  gaps->push_back(text.substr(at, end - at));
  return true;
}

std::string shown_part(const std::string& part) {
  const char* whole = tr(part.c_str());
  if (whole != part.c_str()) return whole;
  std::vector<std::string> gaps;
  for (const char* pattern : kPatterns) {
    const char* korean = tr(pattern);
    if (korean == pattern || !match(pattern, part, &gaps)) continue;
    std::string out;
    size_t gap = 0;
    for (const char* c = korean; *c; ++c) {
      if (c[0] == '%' && (c[1] == 's' || c[1] == 'd') && gap < gaps.size()) {
        out += shown_part(gaps[gap++]);  // an inner message (an edit's error) is shown too
        ++c;
      } else {
        out += *c;
      }
    }
    return out;
  }
  return part;
}

}  // namespace

std::string shown_message(const std::string& english) {
  std::string out;
  size_t at = 0;
  for (;;) {
    const size_t next = english.find("; ", at);
    out += shown_part(english.substr(at, next == std::string::npos ? std::string::npos : next - at));
    if (next == std::string::npos) return out;
    out += "; ";
    at = next + 2;
  }
}
