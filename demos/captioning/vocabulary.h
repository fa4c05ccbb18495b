// The captions' vocabulary: 44 words, fixed, so a word's index never changes
// between the trainer, the shipped weights and the page. Indices 0-3 are
// <pad> <start> <end> <unk>; the rest are the grammar's words (captions.h).
// Tokenising lower-cases, splits at anything but letters, and maps a word
// outside the vocabulary to <unk>, counting it so the page can say so.
#pragma once

#include <string>
#include <vector>

constexpr int kPad = 0, kStart = 1, kEnd = 2, kUnk = 3;
constexpr int kMaxQueryWords = 32;  // a typed query is cut here, with a notice

struct TokenisedText {
  std::vector<int> ids;                    // no <start>/<end>
  int unknown_count = 0;                   // words mapped to <unk>
  std::vector<std::string> unknown_words;  // as typed (lower-cased), in order
  bool truncated = false;                  // longer than kMaxQueryWords
  std::string notice;                      // for the page: empty, unknown words or too long; "" when all is well
};

class Vocabulary {
 public:
  static const Vocabulary& captions();  // the captions' 44 words
  // The VQA questions' words: the 44 caption words at the same indices, then
  // "what colour color the how many" appended (questions.h).
  static const Vocabulary& questions();

  int size() const { return static_cast<int>(words_.size()); }
  int id(const std::string& word) const;  // kUnk if absent
  const std::string& word(int id) const;  // "<unk>" if out of range
  const std::vector<std::string>& words() const { return words_; }

  TokenisedText tokenise(const std::string& text) const;
  // Words joined by single spaces; <start> and <pad> skipped, stopping at <end>.
  std::string detokenise(const std::vector<int>& ids) const;

 private:
  explicit Vocabulary(std::vector<std::string> words);
  std::vector<std::string> words_;
};
