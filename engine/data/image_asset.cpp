// The image asset format (.bin, magic "DLPI"): labelled 8-bit greyscale images
// in a train and a test set, little-endian, written and read byte by byte so a
// file is identical natively, in wasm and from tools/make_image_asset.js.
// docs/image-asset-format.md is the full description; the layout is:
//
//   offset  bytes  field
//   0       4      magic "DLPI" (0x44 0x4C 0x50 0x49)
//   4       4      uint32 version, currently 1
//   8       4      uint32 class count K (1..256)
//   12      ...    K class names, each: uint8 length L (1..255), L bytes of UTF-8
//   ...     ...    the train set, then the test set, each:
//                    uint32 image count N (0..1,000,000)
//                    uint16 rows, uint16 cols (each 1..1024; equal in both sets)
//                    N * rows * cols pixel bytes, image after image, row-major,
//                    0 = background
//                    N label bytes, each a class index below K
//   end-4   4      uint32 CRC-32 (IEEE, as zlib) over every byte before it
//
// Parsing is all-or-nothing: every field is read within bounds, the checksum
// is verified, and only then are the labels checked and the pixels copied, so
// a hostile header cannot make the parser allocate more than the file holds.
#include "engine/data/image_asset.h"

#include <cstring>

#include "engine/io/bytes.h"
#include "engine/io/crc32.h"

namespace {

constexpr uint8_t kMagic[4] = {'D', 'L', 'P', 'I'};
constexpr uint32_t kVersion = 1;
constexpr uint32_t kMaxClasses = 256;
constexpr uint32_t kMaxNameBytes = 255;  // the length is one byte
constexpr uint32_t kMaxSide = 1024;
constexpr uint32_t kMaxCount = 1000000;

// One set as it lies in the file, before anything is copied.
struct SetView {
  const char* name = "";  // "train" or "test", for messages
  uint32_t count = 0, rows = 0, cols = 0;
  const uint8_t* pixels = nullptr;  // count * rows * cols bytes inside the file
  const uint8_t* labels = nullptr;  // count bytes inside the file
};

bool side_in_range(uint32_t side) { return side >= 1 && side <= kMaxSide; }

bool read_set(ByteReader& in, SetView& set) {
  const std::string of_set = std::string(" of the ") + set.name + " set";
  if (!in.u32(set.count, "the image count" + of_set)) return false;
  if (set.count > kMaxCount) {
    in.error = std::string("image asset: ") + set.name + " image count " + std::to_string(set.count) +
               " is absurd (limit " + std::to_string(kMaxCount) + ")";
    return false;
  }
  if (!in.u16(set.rows, "the rows" + of_set) || !in.u16(set.cols, "the cols" + of_set)) return false;
  if (!side_in_range(set.rows) || !side_in_range(set.cols)) {
    in.error = std::string("image asset: ") + set.name + " images are " + std::to_string(set.rows) + "x" +
               std::to_string(set.cols) + " pixels (rows and cols must be 1 to " + std::to_string(kMaxSide) + ")";
    return false;
  }
  set.pixels = in.take(uint64_t{set.count} * set.rows * set.cols, "the pixels" + of_set);
  if (!set.pixels) return false;
  set.labels = in.take(set.count, "the labels" + of_set);
  return set.labels != nullptr;
}

ImageAssetResult failure(std::string message) {
  ImageAssetResult result;
  result.error = std::move(message);
  return result;
}

ImageSet copy_set(const SetView& view) {
  ImageSet set;
  set.count = static_cast<int>(view.count);
  set.rows = static_cast<int>(view.rows);
  set.cols = static_cast<int>(view.cols);
  set.pixels.assign(view.pixels, view.pixels + static_cast<size_t>(view.count) * view.rows * view.cols);
  set.labels.assign(view.labels, view.labels + view.count);
  return set;
}

// The same rules parse_image_asset enforces, for a set about to be written.
bool encodable(const ImageSet& set, size_t class_count) {
  if (set.count < 0 || static_cast<uint32_t>(set.count) > kMaxCount) return false;
  if (set.rows < 1 || set.rows > static_cast<int>(kMaxSide) || set.cols < 1 || set.cols > static_cast<int>(kMaxSide))
    return false;
  const uint64_t pixel_bytes = uint64_t{static_cast<uint32_t>(set.count)} * static_cast<uint32_t>(set.rows) *
                               static_cast<uint32_t>(set.cols);
  if (set.pixels.size() != pixel_bytes || set.labels.size() != static_cast<size_t>(set.count)) return false;
  for (uint8_t label : set.labels)
    if (label >= class_count) return false;
  return true;
}

void put_set(std::vector<uint8_t>& out, const ImageSet& set) {
  put_u32(out, static_cast<uint32_t>(set.count));
  put_u16(out, static_cast<uint32_t>(set.rows));
  put_u16(out, static_cast<uint32_t>(set.cols));
  out.insert(out.end(), set.pixels.begin(), set.pixels.end());
  out.insert(out.end(), set.labels.begin(), set.labels.end());
}

}  // namespace

ImageAssetResult parse_image_asset(const uint8_t* data, size_t size) {
  if (size == 0 || data == nullptr) return failure("image asset: file is empty");
  ByteReader in(data, size, "image asset");
  const uint8_t* magic = in.take(4, "the magic \"DLPI\"");
  if (!magic) return failure(in.error);
  if (std::memcmp(magic, kMagic, 4) != 0)
    return failure("image asset: not an image asset (it does not start with \"DLPI\")");
  uint32_t version = 0, class_count = 0;
  if (!in.u32(version, "the version")) return failure(in.error);
  if (version != kVersion)
    return failure("image asset: version " + std::to_string(version) + " is not supported (this build reads version " +
                   std::to_string(kVersion) + ")");
  if (!in.u32(class_count, "the class count")) return failure(in.error);
  if (class_count < 1 || class_count > kMaxClasses)
    return failure("image asset: class count " + std::to_string(class_count) + " is out of range (1 to " +
                   std::to_string(kMaxClasses) + ")");

  std::vector<std::string> class_names;
  for (uint32_t k = 0; k < class_count; ++k) {
    const std::string of_class = " of class " + std::to_string(k);
    uint32_t length = 0;
    if (!in.u8(length, "the name length" + of_class)) return failure(in.error);
    if (length == 0) return failure("image asset: class " + std::to_string(k) + " has an empty name");
    const uint8_t* name = in.take(length, "the name" + of_class);
    if (!name) return failure(in.error);
    class_names.emplace_back(reinterpret_cast<const char*>(name), length);
  }

  SetView train, test;
  train.name = "train";
  test.name = "test";
  if (!read_set(in, train) || !read_set(in, test)) return failure(in.error);

  const size_t checksum_offset = in.pos();
  uint32_t stored = 0;
  if (!in.u32(stored, "the checksum")) return failure(in.error);
  if (in.remaining() > 0)
    return failure("image asset: " + std::to_string(in.remaining()) +
                   " bytes of trailing garbage after the checksum at offset " + std::to_string(checksum_offset));
  if (crc32(data, checksum_offset) != stored) return failure("image asset: checksum mismatch (file is corrupt)");

  // A model built for the train images must accept the test images as they are.
  if (test.rows != train.rows || test.cols != train.cols)
    return failure("image asset: test images are " + std::to_string(test.rows) + "x" + std::to_string(test.cols) +
                   " but train images are " + std::to_string(train.rows) + "x" + std::to_string(train.cols));
  for (const SetView* set : {&train, &test})
    for (uint32_t i = 0; i < set->count; ++i)
      if (set->labels[i] >= class_count)
        return failure("image asset: label " + std::to_string(set->labels[i]) + " at " + set->name + " image " +
                       std::to_string(i) + " is not below " + std::to_string(class_count) + " classes");

  // Everything is checked: from here on nothing can fail.
  ImageAssetResult result;
  result.ok = true;
  result.asset.class_names = std::move(class_names);
  result.asset.train = copy_set(train);
  result.asset.test = copy_set(test);
  return result;
}

// Returns an empty vector (never a valid file) for an asset parse_image_asset
// would refuse: 0 or more than 256 classes, an empty or over-long name, sizes
// out of range or different between the sets, buffers of the wrong length, a
// label not below the class count.
std::vector<uint8_t> encode_image_asset(const ImageAsset& asset) {
  const size_t class_count = asset.class_names.size();
  if (class_count < 1 || class_count > kMaxClasses) return {};
  for (const std::string& name : asset.class_names)
    if (name.empty() || name.size() > kMaxNameBytes) return {};
  if (!encodable(asset.train, class_count) || !encodable(asset.test, class_count)) return {};
  if (asset.train.rows != asset.test.rows || asset.train.cols != asset.test.cols) return {};

  std::vector<uint8_t> out(kMagic, kMagic + 4);
  out.reserve(64 + asset.train.pixels.size() + asset.test.pixels.size() + asset.train.labels.size() +
              asset.test.labels.size());
  put_u32(out, kVersion);
  put_u32(out, static_cast<uint32_t>(class_count));
  for (const std::string& name : asset.class_names) {
    put_u8(out, static_cast<uint32_t>(name.size()));
    out.insert(out.end(), name.begin(), name.end());
  }
  put_set(out, asset.train);
  put_set(out, asset.test);
  put_u32(out, crc32(out.data(), out.size()));
  return out;
}
