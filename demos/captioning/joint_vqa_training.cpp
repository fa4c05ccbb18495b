#include "demos/captioning/joint_vqa_training.h"

#include <cmath>
#include <cstring>

#include "demos/captioning/captions.h"
#include "demos/captioning/vocabulary.h"
#include "engine/ops/elementwise.h"
#include "engine/ops/linalg.h"

JointVqaModels::JointVqaModels(uint64_t seed)
    : encoder(seed, ImageEncoderSize{}, "encoder"), joint(encoder.depth(), seed + 1), vqa(encoder.depth(), seed + 2) {}

std::vector<Parameter*> JointVqaModels::parameters() {
  std::vector<Parameter*> all = encoder.parameters();
  for (Parameter* p : joint.parameters()) all.push_back(p);
  for (Parameter* p : vqa.parameters()) all.push_back(p);
  return all;
}

std::vector<const Parameter*> JointVqaModels::saved_parameters() {
  std::vector<const Parameter*> all;
  for (Parameter* p : parameters()) all.push_back(p);
  return all;
}

LoadResult load_joint_vqa(const uint8_t* data, size_t size, JointVqaModels& models) {
  if (data == nullptr || size == 0) return LoadResult{false, "weights: the retrieval and VQA weights file is empty"};
  return load_weights(data, size, models.parameters());
}

Tensor stack_images(const std::vector<Tensor>& images) {
  const int n = static_cast<int>(images.size());
  constexpr int per_image = 3 * kSceneSize * kSceneSize;
  Tensor out(Shape{n, 3, kSceneSize, kSceneSize});
  for (int i = 0; i < n; ++i)
    std::memcpy(out.data() + static_cast<size_t>(i) * per_image, images[static_cast<size_t>(i)].data(),
                sizeof(float) * per_image);
  return out;
}

JointBatch make_joint_batch(const SceneItems& items, SceneSplit split, uint64_t seed, int batch_size) {
  Pcg32 rng(seed, 0x6261746368ULL);
  JointBatch batch;
  std::vector<Tensor> pictures;
  while (static_cast<int>(pictures.size()) < batch_size) {
    const Scene scene = generate_scene(items, split, rng.next_u32());
    const std::vector<std::string> references = reference_captions(scene);
    Question question;
    bool asked = false;
    // Types in turn from a random one, so a scene without a unique class still gets a question.
    const int first_type = static_cast<int>(rng.below(kQuestionTypes));
    for (int k = 0; k < kQuestionTypes && !asked; ++k)
      asked = generate_question(scene, static_cast<QuestionType>((first_type + k) % kQuestionTypes), rng, &question);
    if (references.empty() || !asked) continue;
    const std::string& caption = references[rng.below(static_cast<uint32_t>(references.size()))];
    batch.captions.push_back(Vocabulary::captions().tokenise(caption).ids);
    batch.questions.push_back(Vocabulary::questions().tokenise(question.text).ids);
    batch.answers.push_back(question.answer);
    pictures.push_back(render_scene(items, scene));
  }
  batch.images = stack_images(pictures);
  return batch;
}

JointVqaTrainer::JointVqaTrainer(JointVqaModels& models, const SceneItems& items, int batch_size, float rate,
                                 uint64_t seed)
    : models_(models), items_(items), batch_size_(batch_size), seed_(seed), optimizer_(models.parameters(), rate) {}

JointStepLosses JointVqaTrainer::step() {
  const JointBatch batch =
      make_joint_batch(items_, SceneSplit::train, seed_ * 1000003ULL + static_cast<uint64_t>(steps_), batch_size_);
  Tape tape;
  Var grid = models_.encoder.encode(tape, tape.constant(batch.images));
  Var retrieval = models_.joint.loss(tape, grid, batch.captions);
  Var vqa = models_.vqa.loss(tape, grid, batch.questions, batch.answers);
  Var total = ops::add(retrieval, vqa);
  optimizer_.zero_grad();
  if (tape.failed() || !tape.backward(total)) {
    error_ = tape.error();
    return {NAN, NAN};
  }
  optimizer_.step();
  ++steps_;
  return {retrieval.value().data()[0], vqa.value().data()[0]};
}

JointEvaluation::JointEvaluation(const SceneItems& items, int scene_count, SceneSplit split)
    : items_(items), scene_count_(scene_count), split_(split) {}

bool JointEvaluation::step(JointVqaModels& models) {
  if (done()) return false;
  const Scene scene = generate_scene(items_, split_, static_cast<uint64_t>(next_));
  const std::vector<Question> questions = scene_questions(scene, static_cast<uint64_t>(next_));
  Tape tape;
  tape.training = false;
  NoGradScope no_grad(tape);
  Var grid = models.encoder.encode(tape, tape.constant(render_scene(items_, scene)));
  Var image = models.joint.image_vectors(tape, grid);
  Var caption = models.joint.caption_vectors(tape, {Vocabulary::captions().tokenise(reference_captions(scene)[0]).ids});
  std::vector<std::vector<int>> asked;
  for (const Question& q : questions) asked.push_back(Vocabulary::questions().tokenise(q.text).ids);
  Var logits = questions.empty()
                   ? Var{}
                   : models.vqa.logits(tape, ops::concat(std::vector<Var>(questions.size(), grid), 0), asked);
  if (tape.failed()) {
    error_ = tape.error();
    next_ = scene_count_;
    return false;
  }
  for (Var v : {image, caption}) {
    std::vector<float>& into = v.id == image.id ? images_ : captions_;
    into.insert(into.end(), v.value().data(), v.value().data() + v.value().size());
  }
  for (size_t i = 0; i < questions.size(); ++i) {
    const float* row = logits.value().data() + i * kAnswerCount;
    int best = 0;
    for (int a = 1; a < kAnswerCount; ++a) best = row[a] > row[best] ? a : best;
    const int type = static_cast<int>(questions[i].form.type);
    ++asked_[type];
    correct_[type] += best == questions[i].answer ? 1 : 0;
  }
  ++next_;
  return !done();
}

RecallAtK JointEvaluation::recall() const {
  return caption_to_scene_recall(images_, captions_, JointEmbedding::kEmbeddingSize);
}

double JointEvaluation::vqa_accuracy() const {
  int correct = 0, asked = 0;
  for (int t = 0; t < kQuestionTypes; ++t) correct += correct_[t], asked += asked_[t];
  return asked > 0 ? static_cast<double>(correct) / asked : 0.0;
}

double JointEvaluation::vqa_accuracy(QuestionType type) const {
  const int t = static_cast<int>(type);
  return asked_[t] > 0 ? static_cast<double>(correct_[t]) / asked_[t] : 0.0;
}

int JointEvaluation::vqa_questions(QuestionType type) const { return asked_[static_cast<int>(type)]; }
