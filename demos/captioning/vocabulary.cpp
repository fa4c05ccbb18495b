#include "demos/captioning/vocabulary.h"

#include <algorithm>

#include "demos/i18n/tr.h"

namespace {

std::vector<std::string> caption_words() {
  return {"<pad>", "<start>", "<end>", "<unk>",
          // function words and relations
          "a", "and", "there", "is", "of", "to", "left", "right", "above", "below", "next",
          // counts
          "two", "three", "four",
          // colours, in scene.h's order
          "red", "green", "blue", "yellow", "purple", "white",
          // Fashion-MNIST's classes in label order, singular then plural
          "top", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "boot",
          "tops", "trousers", "pullovers", "dresses", "coats", "sandals", "shirts", "sneakers", "bags", "boots"};
}

// Appended after the caption words, so every caption word keeps its index.
std::vector<std::string> question_words() {
  std::vector<std::string> words = caption_words();
  for (const char* word : {"what", "colour", "color", "the", "how", "many"}) words.emplace_back(word);
  return words;
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

Vocabulary::Vocabulary(std::vector<std::string> words) : words_(std::move(words)) {}

const Vocabulary& Vocabulary::captions() {
  static const Vocabulary vocabulary(caption_words());
  return vocabulary;
}

const Vocabulary& Vocabulary::questions() {
  static const Vocabulary vocabulary(question_words());
  return vocabulary;
}

int Vocabulary::id(const std::string& word) const {
  auto found = std::find(words_.begin(), words_.end(), word);
  return found == words_.end() ? kUnk : static_cast<int>(found - words_.begin());
}

const std::string& Vocabulary::word(int id) const {
  return id >= 0 && id < size() ? words_[static_cast<size_t>(id)] : words_[kUnk];
}

TokenisedText Vocabulary::tokenise(const std::string& text) const {
  TokenisedText out;
  std::string current;
  auto flush = [&] {
    if (current.empty()) return;
    if (static_cast<int>(out.ids.size()) >= kMaxQueryWords) {
      out.truncated = true;
    } else {
      int word_id = id(current);
      // The special tokens cannot be typed: "<pad>" splits into "pad", which is unknown.
      if (word_id == kUnk) {
        ++out.unknown_count;
        out.unknown_words.push_back(current);
      }
      out.ids.push_back(word_id);
    }
    current.clear();
  };
  for (char c : text) {
    if (is_letter(c)) current += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    else flush();
  }
  flush();
  if (out.ids.empty()) {
    out.notice = translatable("the text has no words");
  } else if (out.unknown_count > 0) {
    out.notice = std::to_string(out.unknown_count) + (out.unknown_count == 1 ? " word" : " words") +
                 " not in the vocabulary, read as <unk>:";
    for (const std::string& w : out.unknown_words) out.notice += " " + w;
  }
  if (out.truncated)
    out.notice += std::string(out.notice.empty() ? "" : "; ") + "only the first " + std::to_string(kMaxQueryWords) +
                  " words are used";
  return out;
}

std::string Vocabulary::detokenise(const std::vector<int>& ids) const {
  std::string text;
  for (int token : ids) {
    if (token == kEnd) break;
    if (token == kStart || token == kPad) continue;
    if (!text.empty()) text += ' ';
    text += word(token);
  }
  return text;
}
