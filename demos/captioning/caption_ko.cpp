// Korean for the captioning demo (issue 14; how to write it: demos/i18n/korean_tables.h).
// The captions, questions, answers and vocabulary words stay English: they are the models' language.
#include "demos/i18n/korean_tables.h"

namespace i18n {
namespace {

constexpr KoreanRow kRows[] = {
    {"Image captioning", "이미지 캡셔닝"},
    {"A captioner reads a picture with a small convolutional network and writes a sentence with an LSTM, one "
     "word at a time. Show and Tell (Vinyals et al. 2015) gives the LSTM one summary vector of the whole "
     "picture; Show, Attend and Tell (Xu et al. 2015) keeps an 8 x 8 grid of features and, before each word, "
     "computes where to look: a probability distribution over the 64 cells, shown under each word. Drag the "
     "objects and the caption follows; widen the beam to search among more sentences; BLEU counts how many of "
     "the caption's word sequences appear in the scene's reference captions.",
     "캡셔닝 모델은 작은 합성곱 신경망으로 그림을 읽고, LSTM으로 한 단어씩 문장을 쓴다. Show and Tell (Vinyals et al. "
     "2015)은 그림 전체를 요약한 벡터 하나를 LSTM에 준다. Show, Attend and Tell (Xu et al. 2015)은 8 x 8 Feature "
     "grid를 그대로 두고, 단어마다 어디를 볼지 계산한다: 64개 칸 위의 확률 분포이며, 각 단어 아래에 보인다. 물체를 "
     "끌면 캡션이 따라 바뀐다. Beam을 넓히면 더 많은 문장 중에서 찾는다. BLEU는 캡션의 단어 열이 장면의 참조 "
     "캡션에 얼마나 나타나는지 센다."},

    // Tabs
    {"Caption", "캡션"},
    {"Train", "학습"},
    {"Retrieval", "검색"},
    {"VQA", "VQA"},
    {"Notes", "노트"},

    // Controls
    {"model", "모델"},
    {"Show and Tell (Vinyals et al. 2015): the mean of the image's 8 x 8 feature grid starts the LSTM. "
     "Show, Attend and Tell (Xu et al. 2015): before each word the LSTM weighs the 64 cells and reads "
     "their weighted mean.",
     "Show and Tell (Vinyals et al. 2015): 이미지의 8 x 8 Feature grid 평균으로 LSTM을 시작한다. "
     "Show, Attend and Tell (Xu et al. 2015): 단어마다 LSTM이 64개 칸에 가중치를 주고 그 가중 평균을 읽는다."},
    {"loading the trained weights", "학습된 weight 불러오는 중"},
    {"untrained: %s", "학습 안 됨: %s"},
    {"untrained weights (random, seeded)", "학습 안 된 weight (seed로 정한 무작위)"},
    {"trained weights (%s)", "학습된 weight (%s)"},
    {"Decoding", "디코딩"},
    {"greedy", "greedy"},
    {"beam search", "Beam search"},
    {"sampling", "샘플링"},
    {"method", "방법"},
    {"beam width k", "beam 폭 k"},
    {"The k best partial captions by summed log-probability survive each step; k = 1 is greedy.",
     "각 step마다 log 확률 합이 가장 큰 부분 캡션 k개가 살아남는다. k = 1이면 greedy이다."},
    {"none (sum)", "없음 (합)"},
    {"per word", "단어당"},
    {"length norm.", "길이 정규화"},
    {"Summed log-probabilities favour short captions. Dividing by the length (or Wu et al. 2016's "
     "penalty) changes which finished caption wins, never the pruning.",
     "log 확률의 합은 짧은 캡션을 선호한다. 길이(또는 Wu et al. 2016의 penalty)로 나누면 끝난 캡션 중 "
     "어느 것이 이기는지만 바뀌고, 가지치기는 바뀌지 않는다."},
    {"temperature T", "온도 T"},
    {"Each word is drawn from softmax(log p / T), as in the softmax-temperature demo (#demo=temperature): "
     "small T is greedy, large T babbles.",
     "각 단어는 softmax(log p / T)에서 뽑는다. 소프트맥스 온도 데모(#demo=temperature)와 같다: "
     "T가 작으면 greedy이고, 크면 아무 말이나 한다."},
    {"Draw again", "다시 뽑기"},
    {"seed %d", "seed %d"},
    {"seed %d, edited", "seed %d, 편집됨"},
    {"Scene", "장면"},
    {"test", "테스트"},
    {"held-out pairs", "held-out 조합"},
    {"split", "분할"},
    {"Test scenes use Fashion-MNIST's test images in the colour-class pairs seen in training; every "
     "held-out scene has a pair never seen in training (e.g. a green sneaker).",
     "테스트 장면은 Fashion-MNIST의 테스트 이미지를 학습 때 본 색-클래스 조합으로 쓴다. held-out 장면에는 "
     "모두 학습 때 한 번도 보지 못한 조합(예: green sneaker)이 있다."},
    {"New random scene", "새 무작위 장면"},
    {"Caption your own picture...", "내 그림 캡셔닝..."},
    {"Open, drop or paste an image: it is shrunk to 64 x 64 and captioned. It stays on this device "
     "and is not part of the link. The model knows only this world of objects, so expect a caption "
     "about bags and shirts whatever the picture shows.",
     "이미지를 열거나, 끌어 놓거나, 붙여 넣는다: 64 x 64로 줄여서 캡셔닝한다. 이미지는 이 기기에만 남고 "
     "링크에 들어가지 않는다. 모델은 이 물체들의 세계만 알기 때문에, 그림이 무엇이든 가방과 셔츠에 대한 "
     "캡션이 나올 것이다."},
    {"test scenes", "테스트 장면 수"},
    {"How many test and held-out scenes the side-by-side BLEU-4 scores decode.",
     "나란히 놓인 BLEU-4 점수를 위해 디코딩하는 테스트 및 held-out 장면의 수이다."},
    {"as set above", "위의 설정대로"},
    {"scores decode", "점수 디코딩"},
    {"Greedy is cheap and does not restart the scores when you change the beam; \"as set above\" scores "
     "the decoding you chose (a wide beam takes longer).",
     "greedy는 싸고, beam을 바꿔도 점수를 다시 계산하지 않는다. \"위의 설정대로\"는 고른 디코딩으로 "
     "점수를 매긴다 (beam이 넓으면 오래 걸린다)."},
    {"loading the Fashion-MNIST items", "Fashion-MNIST 물체 불러오는 중"},

    // The caption strip and BLEU
    {"Caption (%s)", "캡션 (%s)"},
    {"log p = %.3f%s, %.0f ms%s", "log p = %.3f%s, %.0f ms%s"},
    {", cut at the length limit", ", 길이 제한에서 잘림"},
    {" (greedy while dragging; the beam runs on the drop)", " (끄는 동안은 greedy, 놓으면 beam search를 한다)"},
    {"(the model ended at once: an empty caption)", "(모델이 바로 끝냈다: 빈 캡션)"},
    {"Show and Tell has no attention: one mean feature vector of the whole picture starts the "
     "LSTM, and no word looks anywhere in particular.",
     "Show and Tell에는 Attention이 없다: 그림 전체의 평균 feature 벡터 하나로 LSTM을 시작하고, "
     "어떤 단어도 특정한 곳을 보지 않는다."},
    {"hover or click a word: its map covers the scene (brighter cells weigh more)",
     "단어에 마우스를 올리거나 클릭하면 그 map이 장면을 덮는다 (밝은 칸일수록 가중치가 크다)"},
    {"BLEU needs reference captions, and nobody wrote any for your picture.",
     "BLEU에는 참조 캡션이 필요한데, 내 그림에는 아무도 참조 캡션을 쓰지 않았다."},
    {"BLEU against the %d references", "참조 캡션 %d개에 대한 BLEU"},
    {"Papineni et al. 2002: the geometric mean of the clipped n-gram precisions p_1..p_N, times the "
     "brevity penalty BP = exp(1 - r/c) when the caption (c words) is shorter than the closest "
     "reference (r words). A zero match count is smoothed to 0.1 (Chen & Cherry 2014, method 1), so a "
     "short caption's BLEU-4 is small rather than 0.",
     "Papineni et al. 2002: clip한 n-gram 정밀도 p_1..p_N의 기하 평균이다. 캡션(c 단어)이 가장 가까운 "
     "참조(r 단어)보다 짧으면 brevity penalty BP = exp(1 - r/c)를 곱한다. 일치 수 0은 0.1로 smoothing하므로 "
     "(Chen & Cherry 2014, method 1), 짧은 캡션의 BLEU-4는 0이 아니라 작은 값이 된다."},
    {"brevity penalty %.3f (c = %ld, r = %ld)", "brevity penalty %.3f (c = %ld, r = %ld)"},

    // The beam
    {"dragging: the beam is searched again when you drop the object", "끄는 중: 물체를 놓으면 beam을 다시 찾는다"},
    {"The beam is drawn for beam search. %s", "Beam은 beam search일 때 그려진다. %s"},
    {"Greedy decoding keeps one caption: beam search with k = 1.",
     "greedy 디코딩은 캡션 하나만 유지한다: k = 1인 beam search이다."},
    {"Sampling draws one word at a time and keeps no beam.", "샘플링은 한 번에 한 단어씩 뽑고 beam을 유지하지 않는다."},
    {"Beam search, k = %d:", "Beam search, k = %d:"},
    {"steps", "step 수"},
    {"next step", "다음 step"},
    {"sum of log p; grey: pruned; green: ended", "log p의 합; 회색: 가지치기됨; 초록: 끝남"},
    {"%s%s\nsummed log p %.3f, score %.3f", "%s%s\nlog p 합 %.3f, 점수 %.3f"},
    {"Finished captions, best score first:", "끝난 캡션 (점수 높은 순):"},
    {"%6.3f (sum %6.3f, %d tokens)  %s", "%6.3f (합 %6.3f, 토큰 %d개)  %s"},

    // Scores
    {"Test-set BLEU-4", "테스트 세트 BLEU-4"},
    {"Corpus BLEU-4 (no smoothing) of each model's captions of scenes 1..N of each split, decoded as set "
     "in the controls. The held-out scenes each hold a colour-class pair never seen in training: they "
     "test whether the model composes words it knows in a new combination.",
     "각 분할의 장면 1..N에 대한 각 모델 캡션의 corpus BLEU-4(smoothing 없음)이며, 설정 패널대로 디코딩한다. "
     "held-out 장면에는 학습 때 보지 못한 색-클래스 조합이 하나씩 있다: 모델이 아는 단어를 새 조합으로 "
     "엮을 수 있는지 시험한다."},
    {"held-out", "held-out"},
    {"waiting", "대기 중"},
    {"%d scenes per split, greedy decoding", "분할당 장면 %d개, greedy 디코딩"},
    {"%d scenes per split, the chosen decoding", "분할당 장면 %d개, 고른 디코딩"},
    {"Attend: Show, Attend and Tell", "Attend: Show, Attend and Tell"},
    {"These are untrained models: their scores are near 0 until the trained weights load.",
     "학습 안 된 모델이다: 학습된 weight를 불러오기 전까지 점수는 0에 가깝다."},

    // Scene editor and your picture
    {"remove", "삭제"},
    {"(unseen pair)", "(처음 보는 조합)"},
    {"this colour never goes with this class in training", "학습 때 이 색은 이 클래스와 함께 나온 적이 없다"},
    {"Add object", "물체 추가"},
    {"drag objects in the scene; the caption follows", "장면의 물체를 끌면 캡션이 따라 바뀐다"},
    {"Your picture: %s (%d x %d)", "내 그림: %s (%d x %d)"},
    {"shown to the model at %d x %d, centred on black", "검은 바탕 가운데에 %d x %d로 모델에 보인다"},
    {"The captioner knows only its own world: one to four Fashion-MNIST items in six colours on "
     "black. Whatever your picture shows, it is described as such items. The caption says what "
     "this model sees, not what is there.",
     "캡셔닝 모델은 자기 세계만 안다: 검은 바탕 위의 여섯 가지 색으로 된 Fashion-MNIST 물체 한 개에서 "
     "네 개까지. 그림에 무엇이 있든 그런 물체로 묘사한다. 캡션은 실제로 있는 것이 아니라 이 모델이 보는 "
     "것을 말한다."},
    {"Back to the scene", "장면으로 돌아가기"},
    {"Another picture...", "다른 그림..."},

    // Notes
    {"The world", "세계"},
    {"Each 64 x 64 scene holds one to four Fashion-MNIST items (28 x 28), tinted in one of six "
     "colours, placed so that no two boxes overlap. Captions come from a small grammar of 44 words "
     "with counts and relations (left of, above, next to); every scene has several reference "
     "captions. Ten colour-class pairs (such as green sneakers) never occur in training: the "
     "held-out split puts at least one of them in every scene.",
     "각 64 x 64 장면에는 Fashion-MNIST 물체(28 x 28)가 한 개에서 네 개까지 있고, 여섯 가지 색 중 하나로 "
     "칠해지며, 두 상자가 겹치지 않게 놓인다. 캡션은 개수와 관계(left of, above, next to)를 담은 44단어의 "
     "작은 문법에서 나오고, 장면마다 참조 캡션이 여러 개 있다. 색-클래스 조합 열 개(green sneakers 등)는 "
     "학습에 한 번도 나오지 않는다: held-out 분할은 모든 장면에 그중 하나 이상을 넣는다."},
    {"Show and Tell (Vinyals, Toshev, Bengio & Erhan 2015)", "Show and Tell (Vinyals, Toshev, Bengio & Erhan 2015)"},
    {"A convolutional encoder turns the image into an 8 x 8 grid of feature vectors a_i (L = 64 "
     "cells). Show and Tell averages them into one vector that starts an LSTM; the LSTM then "
     "predicts one word at a time from the previous word's embedding.",
     "합성곱 인코더가 이미지를 8 x 8 grid의 feature 벡터 a_i (L = 64칸)로 바꾼다. Show and Tell은 이들을 "
     "평균 내어 벡터 하나로 LSTM을 시작한다. 그다음 LSTM은 이전 단어의 embedding으로부터 한 번에 한 단어씩 "
     "예측한다."},
    {"Show, Attend and Tell (Xu et al. 2015)", "Show, Attend and Tell (Xu et al. 2015)"},
    {"Before each word the decoder scores every cell against its state (soft additive attention, "
     "Bahdanau et al. 2015), turns the scores into a distribution alpha_t over the 64 cells and "
     "reads their weighted mean, scaled by a gate beta_t. The maps under the words are alpha_t.",
     "디코더는 단어마다 자기 상태에 대해 모든 칸의 점수를 매기고(soft additive Attention, Bahdanau et al. "
     "2015), 점수를 64칸 위의 분포 alpha_t로 바꾼 뒤, gate beta_t로 크기를 조절한 가중 평균을 읽는다. "
     "단어 아래의 map이 alpha_t이다."},
    {"Greedy takes the most likely word each step. Beam search keeps the k partial captions with the "
     "highest summed log-probability; a finished caption keeps its slot, so k = 1 is greedy. Long "
     "captions collect more negative terms, so the sum prefers short ones; dividing by the length, or "
     "by Wu et al. (2016)'s ((5 + |Y|) / 6)^alpha, corrects that. Sampling draws each word from "
     "softmax(log p / T).",
     "greedy는 step마다 가장 그럴듯한 단어를 고른다. Beam search는 log 확률 합이 가장 큰 부분 캡션 k개를 "
     "유지한다. 끝난 캡션은 자리를 유지하므로 k = 1이면 greedy이다. 긴 캡션은 음수 항이 더 많이 쌓이므로 "
     "합은 짧은 캡션을 선호한다. 길이나 Wu et al. (2016)의 ((5 + |Y|) / 6)^alpha로 나누면 이를 바로잡는다. "
     "샘플링은 각 단어를 softmax(log p / T)에서 뽑는다."},
    {"BLEU (Papineni, Roukos, Ward & Zhu 2002)", "BLEU (Papineni, Roukos, Ward & Zhu 2002)"},
    {"c is the caption's length and r the length of the reference closest to it. Corpus BLEU sums "
     "the matches, totals and lengths over all scenes before dividing; it is not the mean of the "
     "sentence scores.",
     "c는 캡션의 길이, r은 그에 가장 가까운 참조의 길이이다. Corpus BLEU는 나누기 전에 모든 장면의 일치 수, "
     "전체 수, 길이를 합한다: 문장 점수의 평균이 아니다."},

    // Train tab
    {"Teacher forcing: each step feeds a batch of training scenes with one reference caption each "
     "and takes one Adam step on the cross-entropy of the next word (plus lambda times the doubly "
     "stochastic penalty for the attention model). Training runs off the page's thread.",
     "Teacher forcing: 각 step은 참조 캡션이 하나씩 붙은 학습 장면 batch를 넣고, 다음 단어의 cross-entropy"
     "(Attention 모델은 여기에 lambda x doubly stochastic penalty를 더함)에 대해 Adam step을 한 번 밟는다. "
     "학습은 페이지 스레드 밖에서 돈다."},
    {"scratch (seeded)", "처음부터 (seed)"},
    {"the shipped weights", "제공된 weight"},
    {"start from", "시작점"},
    {"batch", "batch"},
    {"learning rate", "학습률"},
    {"Adam (Kingma & Ba 2015), the gradient's global norm clipped at 5. The shipped models used 3e-3 with "
     "batch 32, decayed; going on from them wants a smaller rate. Far too large a rate diverges, and the "
     "training stops with a message.",
     "Adam (Kingma & Ba 2015), gradient의 global norm은 5에서 clip한다. 제공된 모델은 batch 32에 3e-3을 "
     "감소시키며 썼다: 거기서 이어 학습하려면 더 작은 학습률이 좋다. 학습률이 너무 크면 발산하고, 학습은 "
     "메시지와 함께 멈춘다."},
    {"Xu et al.'s doubly stochastic penalty lambda sum_i (1 - sum_t alpha_ti)^2 pushes every cell to be "
     "looked at about once over the caption. The shipped model used 0.02: with 64 cells, lambda = 1 "
     "outweighs the words.",
     "Xu et al.의 doubly stochastic penalty lambda sum_i (1 - sum_t alpha_ti)^2는 캡션 전체에서 모든 칸이 "
     "대략 한 번씩 보이도록 민다. 제공된 모델은 0.02를 썼다: 칸이 64개이므로 lambda = 1이면 단어보다 "
     "penalty가 커진다."},
    {"seed", "seed"},
    {"BLEU every", "BLEU 측정 간격"},
    {"%d steps", "%d step"},
    {"Start training", "학습 시작"},
    {"Stop", "중지"},
    {"caption with the model being trained", "학습 중인 모델로 캡셔닝"},
    {"The Caption tab (and its side-by-side scores) use the newest weights the training sent, every time "
     "BLEU is measured. Untick to go back to the shipped model.",
     "캡션 탭(과 나란히 놓인 점수)은 BLEU를 잴 때마다 학습이 보낸 최신 weight를 쓴다. 체크를 풀면 제공된 "
     "모델로 돌아간다."},
    {"step %d of %d, %.2g steps/s", "step %d / %d, 초당 %.2g step"},
    {"step %d of %d", "step %d / %d"},
    {"loading what the training needs", "학습에 필요한 것 불러오는 중"},
    {"cross-entropy per word (nats)", "단어당 cross-entropy (nats)"},
    {"cross-entropy %.3f nats", "cross-entropy %.3f nats"},
    {"BLEU-4 of %d test scenes, greedy", "테스트 장면 %d개의 BLEU-4, greedy"},
    {"BLEU measured at steps 0 .. %d, every %d", "BLEU 측정: step 0 .. %d, %d마다"},
    {"The Caption tab's scene, as the model being trained captions it now: %s",
     "캡션 탭의 장면을 학습 중인 모델이 지금 캡셔닝한 결과: %s"},
    {"The Caption tab's scene, as the shipped model captions it now: %s",
     "캡션 탭의 장면을 제공된 모델이 지금 캡셔닝한 결과: %s"},

    // Retrieval and VQA tabs
    {"loading the scenes' images...", "장면 이미지 불러오는 중..."},
    {"loading the retrieval and VQA weights...", "검색 및 VQA weight 불러오는 중..."},
    {"evaluating on test scenes: %d of %d", "테스트 장면에서 평가 중: %d / %d"},
    {"ready", "준비됨"},
    {"A joint embedding: the scene (CNN grid, mean-pooled) and the caption (a GRU) become unit vectors; "
     "training pulls matching pairs together with a contrastive (InfoNCE) loss.",
     "Joint embedding: 장면(CNN grid를 mean-pooling)과 캡션(GRU)이 단위 벡터가 된다. 학습은 contrastive "
     "(InfoNCE) Loss로 맞는 쌍을 서로 끌어당긴다."},
    {"caption", "캡션"},
    {"pick", "선택"},
    {"test scene", "테스트 장면"},
    {"nearest captions (cosine), * = true of this scene:", "가장 가까운 캡션 (cosine), * = 이 장면에 맞는 캡션:"},
    {"caption -> scene on %d test scenes: Recall@1 %.2f, Recall@5 %.2f (chance %.2f and %.2f)",
     "캡션 -> 장면, 테스트 장면 %d개: Recall@1 %.2f, Recall@5 %.2f (우연 수준 %.2f, %.2f)"},
    {"VQA (Antol et al. 2015): a GRU reads the question, the CNN the scene; the two vectors are "
     "multiplied point by point and a small classifier picks one of 13 answers.",
     "VQA (Antol et al. 2015): GRU가 질문을, CNN이 장면을 읽는다. 두 벡터를 원소별로 곱하고, 작은 분류기가 "
     "답 13개 중 하나를 고른다."},
    {"questions about this scene:", "이 장면에 대한 질문:"},
    {"question", "질문"},
    {"answer: %s%s", "답: %s%s"},
    {"  (right)", "  (맞음)"},
    {"  (wrong)", "  (틀림)"},
    {"true answer: %s", "정답: %s"},
    {"accuracy on %d test scenes' questions: %.3f", "테스트 장면 %d개의 질문에 대한 정확도: %.3f"},
    {"  %-8s %.3f on %d questions (uniform chance %.2f)", "  %-8s %.3f, 질문 %d개 (균등 우연 수준 %.2f)"},
    {"colour", "색"},
    {"count", "개수"},
    {"relation", "관계"},
    // Messages (kept English for the report; shown through shown_message.h)
    {"no such object", "그런 물체가 없다"},
    {"a scene holds at most 4 objects", "장면에는 물체를 4개까지만 둘 수 있다"},
    {"no free place for another 28 x 28 object: move or remove one first",
     "28 x 28 물체를 하나 더 놓을 빈자리가 없다: 먼저 하나를 옮기거나 지운다"},
    {"a scene needs at least one object", "장면에는 물체가 하나 이상 있어야 한다"},
    {"the edited objects in the link are not valid", "링크의 편집된 물체가 올바르지 않다"},
    {"the scene is not loaded yet", "장면을 아직 불러오지 않았다"},
    {"your picture is shown: go back to the scene to edit it", "내 그림을 보여 주는 중이다: 편집하려면 장면으로 돌아간다"},
    {"your previous picture is still shown", "이전 그림이 그대로 보인다"},
    {"the scene is unchanged", "장면은 그대로이다"},
    {"the text has no words", "텍스트에 단어가 없다"},
    {"not one of the templates the model was trained on", "모델이 학습한 질문 형식이 아니다"},
    {"the model answers anyway", "그래도 모델은 답한다"},
    {"could not load an asset the training needs", "학습에 필요한 asset을 불러오지 못했다"},
    {"the %s would overlap the %s: not moved there", "%s이(가) %s와(과) 겹친다: 옮기지 않았다"},
    {"%s: showing scene %s instead", "%s: 대신 장면 %s을(를) 보여 준다"},
    {"object item %s is not a %s of this split's images", "물체 item %s은(는) 이 분할 이미지의 %s이(가) 아니다"},
    {"%d word not in the vocabulary, read as <unk>: %s", "어휘에 없는 단어 %d개, <unk>로 읽음: %s"},
    {"%d words not in the vocabulary, read as <unk>: %s", "어휘에 없는 단어 %d개, <unk>로 읽음: %s"},
    {"only the first %d words are used", "처음 %d단어만 쓴다"},
    {"this scene has no single %s, so the question has no true answer",
     "이 장면에는 %s이(가) 딱 하나 있지 않아서, 이 질문에는 정답이 없다"},
    {"the loss is not finite at step %d: try a smaller learning rate",
     "step %d에서 Loss가 유한하지 않다: 더 작은 학습률을 써 본다"},
    {"your picture: %s", "내 그림: %s"},
    {"could not load %s", "%s을(를) 불러오지 못했다"},
    {"trained weights: %s", "학습된 weight: %s"},
    {"caption weights: %s", "캡셔닝 weight: %s"},
};

}  // namespace

KoreanTable caption_korean() { return {"captioning demo", kRows, sizeof kRows / sizeof kRows[0]}; }

}  // namespace i18n
