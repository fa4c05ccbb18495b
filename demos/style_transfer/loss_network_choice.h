// Which loss network a computation uses, as it travels to a background job:
// the random kind is rebuilt from its seed, the trained kind from the shipped
// weights file's bytes.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "demos/style_transfer/loss_network.h"
#include "engine/io/bytes.h"

constexpr uint64_t kRandomLossNetworkSeed = 1;  // GatysSettings::network_seed's default

struct LossNetworkChoice {
  LossNetworkKind kind = LossNetworkKind::Random;
  std::vector<uint8_t> classifier_weights;  // the DLPW file, for the trained kind
};

void put_loss_network_choice(std::vector<uint8_t>& out, const LossNetworkChoice& choice);
bool read_loss_network_choice(ByteReader& in, LossNetworkChoice& choice);

// The random kind from its seed, or the trained kind's trunk from the
// classifier's DLPW file (style_classifier.h); nullptr with a message if the
// weights are missing or do not load.
std::unique_ptr<LossNetwork> build_loss_network(LossNetworkKind kind, uint64_t random_seed,
                                                const std::vector<uint8_t>* classifier_weights, std::string* error);

// The same, for a choice sent to a background job.
// Kept for reuse while the same choice comes again (a job per request must
// not rebuild and renormalise the random network every time).
std::shared_ptr<LossNetwork> loss_network_for(const LossNetworkChoice& choice, std::string* error);
