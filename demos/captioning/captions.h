// The caption grammar: every reference caption is true of its scene
// (docs/captioning.md has the grammar in full).
//
//   caption  := list | "there is" np | count-list | relation
//   list     := group ("and" group)*       groups in left-to-right, right-to-left or top-to-bottom order
//   group    := "a" colour class | count colour classes      objects of one colour and class
//   count-list := class-group ("and" class-group)*           colours dropped: "two bags and a shirt"
//   relation := np rel np ("and" group)*   the two leftmost objects, each unique in the scene,
//                                          then the rest grouped, left to right
//   rel      := "left of" | "right of" | "above" | "below" | "next to"
//
// Relations between boxes A and B (which never overlap):
//   A left of B:  A's right edge <= B's left edge (B right of A);
//   A above B:    A's bottom edge <= B's top edge (B below A);
//   A next to B:  one is left of the other and their rows overlap.
#pragma once

#include <string>
#include <vector>

#include "demos/captioning/scene.h"

constexpr int kMaxCaptionWords = 16;  // the longest: a relation and two more objects

const char* class_word(int item_class);    // "top", "trouser", ..., "boot"
const char* class_plural(int item_class);  // "tops", "trousers", ..., "boots"
const char* count_word(int count);         // "a", "two", "three", "four"

bool left_of(const Box& a, const Box& b);
bool above(const Box& a, const Box& b);
bool next_to(const Box& a, const Box& b);

// Distinct captions, the first the canonical one (the left-to-right list); at
// least two for any scene with objects (a lone object adds "there is ...",
// objects alike add the count by class).
std::vector<std::string> reference_captions(const Scene& scene);
