#include "demos/style_transfer/loss_network_choice.h"

#include <mutex>

#include "demos/style_transfer/style_classifier.h"
#include "engine/io/crc32.h"
#include "engine/io/tensor_bytes.h"

namespace {

constexpr size_t kMaxWeightsBytes = size_t{16} << 20;

struct CachedNetwork {
  LossNetworkKind kind;
  uint32_t weights_crc = 0;
  size_t weights_size = 0;
  std::shared_ptr<LossNetwork> network;
};

std::mutex g_cache_mutex;
CachedNetwork g_cache;  // the last one built: a demo uses one kind at a time

}  // namespace

std::unique_ptr<LossNetwork> build_loss_network(LossNetworkKind kind, uint64_t random_seed,
                                                const std::vector<uint8_t>* classifier_weights, std::string* error) {
  if (kind == LossNetworkKind::Random)
    return std::make_unique<LossNetwork>(LossNetwork::random_normalised(random_seed));
  if (!classifier_weights || classifier_weights->empty()) {
    *error = "the trained loss network needs its weights (assets/style-loss-net.dlpw)";
    return nullptr;
  }
  StyleClassifier classifier(static_cast<int>(classifier_source_paths().size()), 1);
  LoadResult loaded = classifier.load(classifier_weights->data(), classifier_weights->size());
  if (!loaded.ok) {
    *error = loaded.error;
    return nullptr;
  }
  return std::make_unique<LossNetwork>(classifier.trunk);
}

void put_loss_network_choice(std::vector<uint8_t>& out, const LossNetworkChoice& choice) {
  put_u8(out, choice.kind == LossNetworkKind::Classifier ? 1 : 0);
  if (choice.kind == LossNetworkKind::Classifier)
    put_blob(out, choice.classifier_weights.data(), choice.classifier_weights.size());
}

bool read_loss_network_choice(ByteReader& in, LossNetworkChoice& choice) {
  uint32_t kind;
  if (!in.u8(kind, "loss network kind")) return false;
  if (kind > 1) {
    in.error = "unknown loss network kind " + std::to_string(kind);
    return false;
  }
  choice.kind = kind == 1 ? LossNetworkKind::Classifier : LossNetworkKind::Random;
  choice.classifier_weights.clear();
  if (choice.kind == LossNetworkKind::Classifier)
    return read_blob(in, choice.classifier_weights, "loss network weights", kMaxWeightsBytes);
  return true;
}

std::shared_ptr<LossNetwork> loss_network_for(const LossNetworkChoice& choice, std::string* error) {
  uint32_t crc = choice.kind == LossNetworkKind::Classifier
                     ? crc32(choice.classifier_weights.data(), choice.classifier_weights.size())
                     : 0;
  std::lock_guard<std::mutex> lock(g_cache_mutex);
  if (g_cache.network && g_cache.kind == choice.kind && g_cache.weights_crc == crc &&
      g_cache.weights_size == choice.classifier_weights.size())
    return g_cache.network;
  std::shared_ptr<LossNetwork> network =
      build_loss_network(choice.kind, kRandomLossNetworkSeed, &choice.classifier_weights, error);
  if (!network) return nullptr;
  g_cache = CachedNetwork{choice.kind, crc, choice.classifier_weights.size(), network};
  return network;
}
