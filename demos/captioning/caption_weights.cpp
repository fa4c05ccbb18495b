#include "demos/captioning/caption_weights.h"

#include <fstream>
#include <iterator>

namespace {

bool is_pair(const Captioner& show_tell, const Captioner& attention) {
  return show_tell.model() == CaptionModel::show_tell && attention.model() == CaptionModel::attention;
}

}  // namespace

std::vector<uint8_t> save_captioners(const Captioner& show_tell, const Captioner& attention) {
  if (!is_pair(show_tell, attention)) return {};
  std::vector<const Parameter*> all = show_tell.parameters();
  for (const Parameter* p : attention.parameters()) all.push_back(p);
  return save_weights(all);
}

LoadResult load_captioners(const uint8_t* data, size_t size, Captioner& show_tell, Captioner& attention) {
  LoadResult result;
  if (!is_pair(show_tell, attention)) {
    result.error = "caption weights: expected a Show and Tell model and an attention model";
    return result;
  }
  if (data == nullptr || size == 0) {
    result.error = "caption weights: the file is empty";
    return result;
  }
  std::vector<Parameter*> all = show_tell.parameters();
  for (Parameter* p : attention.parameters()) all.push_back(p);
  result = load_weights(data, size, all);
  if (!result.ok) result.error = "caption weights: " + result.error;
  return result;
}

std::vector<uint8_t> save_captioner(const Captioner& model) { return save_weights(model.parameters()); }

std::string load_captioner(const std::vector<uint8_t>& weights, Captioner& model) {
  const LoadResult loaded = load_weights(weights.data(), weights.size(), model.parameters());
  return loaded.ok ? "" : "trained weights: " + loaded.error;
}

LoadResult load_captioners_file(const std::string& path, Captioner& show_tell, Captioner& attention) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return LoadResult{false, "caption weights: cannot read " + path};
  const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  return load_captioners(bytes.data(), bytes.size(), show_tell, attention);
}
