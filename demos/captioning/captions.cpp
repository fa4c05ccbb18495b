#include "demos/captioning/captions.h"

#include <algorithm>
#include <map>

namespace {

const char* const kClassWords[kClassCount] = {"top",  "trouser", "pullover", "dress", "coat",
                                              "sandal", "shirt", "sneaker",  "bag",   "boot"};
const char* const kClassPlurals[kClassCount] = {"tops",    "trousers", "pullovers", "dresses", "coats",
                                                "sandals", "shirts",   "sneakers",  "bags",    "boots"};

std::string noun_phrase(const SceneObject& o) {
  return std::string("a ") + colour_name(o.colour) + " " + class_word(o.item_class);
}

std::string phrase(int count, const char* colour, int item_class) {
  std::string head = count_word(count);
  if (colour) head += std::string(" ") + colour;
  return head + " " + (count == 1 ? class_word(item_class) : class_plural(item_class));
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

// Indices of the objects ordered by a box coordinate (ties by the other, then by index).
std::vector<size_t> order_by(const Scene& scene, bool by_x) {
  std::vector<size_t> order(scene.objects.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Box &p = scene.objects[a].box, &q = scene.objects[b].box;
    return by_x ? (p.x != q.x ? p.x < q.x : p.y < q.y) : (p.y != q.y ? p.y < q.y : p.x < q.x);
  });
  return order;
}

// Groups of one colour and class (or one class, colour_matters false), in the order their first member appears.
std::vector<std::string> grouped_list(const Scene& scene, const std::vector<size_t>& order, bool colour_matters) {
  std::vector<std::pair<int, int>> keys;  // (class, colour or -1)
  std::map<std::pair<int, int>, int> counts;
  for (size_t i : order) {
    const SceneObject& o = scene.objects[i];
    std::pair<int, int> key{o.item_class, colour_matters ? o.colour : -1};
    if (counts[key]++ == 0) keys.push_back(key);
  }
  std::vector<std::string> parts;
  for (const auto& key : keys)
    parts.push_back(phrase(counts[key], key.second >= 0 ? colour_name(key.second) : nullptr, key.first));
  return parts;
}

void add_unique(std::vector<std::string>& captions, const std::string& caption) {
  if (std::find(captions.begin(), captions.end(), caption) == captions.end()) captions.push_back(caption);
}

}  // namespace

const char* class_word(int item_class) {
  return item_class >= 0 && item_class < kClassCount ? kClassWords[item_class] : "?";
}
const char* class_plural(int item_class) {
  return item_class >= 0 && item_class < kClassCount ? kClassPlurals[item_class] : "?";
}
const char* count_word(int count) {
  static const char* const kWords[] = {"a", "two", "three", "four"};
  return count >= 1 && count <= 4 ? kWords[count - 1] : "?";
}

bool left_of(const Box& a, const Box& b) { return a.right() <= b.x; }
bool above(const Box& a, const Box& b) { return a.bottom() <= b.y; }
bool next_to(const Box& a, const Box& b) {
  return (left_of(a, b) || left_of(b, a)) && a.y < b.bottom() && b.y < a.bottom();
}

std::vector<std::string> reference_captions(const Scene& scene) {
  std::vector<std::string> captions;
  if (scene.objects.empty()) return captions;
  const std::vector<size_t> by_x = order_by(scene, true), by_y = order_by(scene, false);
  std::vector<size_t> reversed(by_x.rbegin(), by_x.rend());

  // The lists: left to right (canonical), right to left, top to bottom.
  for (const std::vector<size_t>* order : {&by_x, static_cast<const std::vector<size_t>*>(&reversed), &by_y})
    add_unique(captions, join(grouped_list(scene, *order, true), " and "));
  if (scene.objects.size() == 1) add_unique(captions, "there is " + noun_phrase(scene.objects[0]));

  // Counting by class alone, when some class occurs more than once.
  std::vector<std::string> by_class = grouped_list(scene, by_x, false);
  if (by_class.size() < scene.objects.size()) add_unique(captions, join(by_class, " and "));

  // Relations between the two leftmost objects, when each is the only one of its
  // colour and class (so the phrase names it); the rest follow, grouped, left to right.
  if (scene.objects.size() >= 2) {
    const SceneObject &a = scene.objects[by_x[0]], &b = scene.objects[by_x[1]];
    int alike_a = 0, alike_b = 0;
    for (const SceneObject& o : scene.objects) {
      alike_a += noun_phrase(o) == noun_phrase(a);
      alike_b += noun_phrase(o) == noun_phrase(b);
    }
    if (alike_a == 1 && alike_b == 1) {
      std::string rest;
      for (const std::string& group : grouped_list(scene, std::vector<size_t>(by_x.begin() + 2, by_x.end()), true))
        rest += " and " + group;
      auto relate = [&](const SceneObject& p, const char* relation, const SceneObject& q) {
        add_unique(captions, noun_phrase(p) + " " + relation + " " + noun_phrase(q) + rest);
      };
      for (const auto& [p, q] : {std::pair<const SceneObject*, const SceneObject*>{&a, &b}, {&b, &a}}) {
        if (left_of(p->box, q->box)) relate(*p, "left of", *q);
        if (left_of(q->box, p->box)) relate(*p, "right of", *q);
        if (above(p->box, q->box)) relate(*p, "above", *q);
        if (above(q->box, p->box)) relate(*p, "below", *q);
        if (next_to(p->box, q->box)) relate(*p, "next to", *q);
      }
    }
  }
  return captions;
}
