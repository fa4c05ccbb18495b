// Korean for the dropout demo (issue 14; how to write it: demos/i18n/korean_tables.h).
#include "demos/i18n/korean_tables.h"

namespace i18n {
namespace {

constexpr KoreanRow kRows[] = {
    {"Dropout", "Dropout"},
    {"no dropout", "Dropout 없음"},
    {"dropout", "Dropout"},
    {"solid: test   dashed: train   shaded: the gap between them (overfitting)",
     "실선: 테스트   점선: 학습   음영: 둘의 차이 (과적합)"},
    {"epoch %.1f", "epoch %.1f"},
    {"epoch %.1f\nno dropout: train %.3f  test %.3f\ndropout:    train %.3f  test %.3f",
     "epoch %.1f\nDropout 없음: 학습 %.3f  테스트 %.3f\nDropout:      학습 "
     "%.3f  테스트 %.3f"},
    {"the network without dropout", "Dropout 없는 네트워크"},
    {"the dropout network", "Dropout 네트워크"},
    {"%s failed: %s", "%s가 실패했다: %s"},
    {"%s: its loss became NaN or infinite at step %ld; the learning rate is too large for it",
     "%s: Loss가 step %ld에서 NaN 또는 무한대가 되었다. 학습률이 너무 크다"},
    {"Reset networks", "네트워크 초기화"},
    {"step %ld   epoch %.1f   %.0f images/s", "step %ld   epoch %.1f   초당 %.0f장"},
    {"test error: plain %.1f%%  dropout %.1f%%", "테스트 오류율: 일반 %.1f%%  Dropout %.1f%%"},
    {"Training stopped: %s. Your settings are kept; lower the learning rate and reset.",
     "학습이 멈췄다: %s. 설정은 그대로 남아 있다. 학습률을 낮추고 초기화한다."},
    {"Reset the networks", "네트워크 초기화하기"},
    {"Data", "데이터"},
    {"2-D: moons", "2-D: 반달"},
    {"2-D: circle", "2-D: 원"},
    {"2-D: spiral", "2-D: 나선"},
    {"data set", "데이터셋"},
    {"train images", "학습 이미지"},
    {"The first N of the 10,000 training images; the 2,000 test images are always all used. A small "
     "training set is what makes a wide network overfit within a minute.",
     "학습 이미지 10,000장 중 앞의 N장을 쓴다. 테스트 이미지 2,000장은 항상 모두 쓴다. 학습 "
     "데이터가 작아야 넓은 네트워크가 1분 안에 과적합된다."},
    {"loading Fashion-MNIST", "Fashion-MNIST 불러오는 중"},
    {"Fashion-MNIST could not be loaded: %s", "Fashion-MNIST를 불러오지 못했다: %s"},
    {"Use the 2-D data instead", "대신 2-D 데이터 사용"},
    {"train points", "학습 점 수"},
    {"noise", "노이즈"},
    {"Few noisy training points: a wide network can bend its boundary around each of them. The test set "
     "has 1,000 points from the same distribution.",
     "노이즈가 있는 학습 점이 적으면 넓은 네트워크는 경계를 점 하나하나에 맞춰 구부릴 수 있다. 테스트 셋은 "
     "같은 분포에서 뽑은 1,000개의 점이다."},
    {"New seed", "새 seed"},
    {"seed %d (weights)", "seed %d (weight)"},
    {"seed %d (weights and points)", "seed %d (weight와 점)"},
    {"Network", "네트워크"},
    {"hidden layers", "은닉층 수"},
    {"width", "너비"},
    {"%d-%s-%d ReLU, both networks", "%d-%s-%d ReLU, 두 네트워크 공통"},
    {"Dropout rates (per layer)", "Dropout 비율 (층별)"},
    {"input p", "입력 p"},
    {"Drop probability of each pixel. The paper: 0.2 for inputs, 0.5 for hidden units.",
     "각 픽셀을 끌 확률이다. 논문은 입력에 0.2, 은닉 유닛에 0.5를 쓴다."},
    {"Not used for 2-D points: dropping x or y erases where the point is.",
     "2-D 점에는 쓰지 않는다. x나 y를 끄면 점의 위치가 지워진다."},
    {"hidden 1 p", "은닉 1 p"},
    {"hidden 2 p", "은닉 2 p"},
    {"hidden 3 p", "은닉 3 p"},
    {"inverted: /q in training", "inverted: 학습 때 /q"},
    {"paper: W x q at test", "논문: 테스트 때 W x q"},
    {"scaling", "스케일링"},
    {"q = 1 - p is the keep probability. Both keep each layer's expected input the same in training and at "
     "test time; they train the same networks.",
     "q = 1 - p는 유지 확률이다. 두 방법 모두 각 층 입력의 기댓값을 학습 때와 테스트 때 같게 "
     "유지하고, 같은 네트워크를 학습한다."},
    {"The rate is a per-layer hyperparameter. AlexNet and VGG used p = 0.5 in their fully connected "
     "layers; in convolutional networks batch normalisation has largely replaced it.",
     "비율은 층마다 정하는 하이퍼파라미터이다. AlexNet과 VGG는 완전 연결층에 p = 0.5를 썼다. "
     "합성곱 신경망에서는 배치 정규화가 대부분 그 자리를 대신했다."},
    {"Training", "학습"},
    {"SGD + momentum 0.9", "SGD + 모멘텀 0.9"},
    {"optimizer", "옵티마이저"},
    {"learning rate", "학습률"},
    {"batch size", "배치 크기"},
    {"Both networks take the same mini-batches.", "두 네트워크는 같은 미니배치를 받는다."},
    {"Dropout (Hinton et al. 2012; Srivastava et al., JMLR 2014) switches off each unit with probability p "
     "at every training step: a Bernoulli mask z ~ Bernoulli(1 - p) multiplies the layer, so each "
     "mini-batch trains a different thinned network and no unit can rely on particular others "
     "(co-adaptation). At test time all units are on and their outgoing weights are scaled by the keep "
     "probability 1 - p, the expected value of the mask; inverted dropout instead divides by 1 - p during "
     "training and leaves the test network alone. Two identical networks (same seed, same mini-batches) "
     "train side by side, one with dropout: watch the gap between their training and test curves. The tabs "
     "show the masks, the learned features, Monte-Carlo dropout, and why dropout is an adaptive L2 "
     "penalty. The Notes tab has the formulas.",
     "Dropout(Hinton et al. 2012; Srivastava et al., JMLR 2014)은 "
     "학습의 매 step마다 각 유닛을 확률 p로 끈다. Bernoulli 마스크 z ~ Bernoulli(1 - "
     "p)를 층에 곱하므로 미니배치마다 서로 다른 thinned 네트워크를 학습하고, 어떤 유닛도 특정한 다른 "
     "유닛에 기댈 수 없다(co-adaptation). 테스트 때는 모든 유닛을 켜고 나가는 weight에 "
     "마스크의 기댓값인 유지 확률 1 - p를 곱한다. inverted dropout은 대신 학습 때 1 - p로 "
     "나누고 테스트 네트워크는 그대로 둔다. 같은 두 네트워크(같은 seed, 같은 미니배치)를 나란히 학습하되 "
     "하나에만 Dropout을 쓴다. 두 네트워크의 학습 곡선과 테스트 곡선 사이 차이를 본다. 탭에서 마스크, "
     "학습된 특징, Monte-Carlo dropout, 그리고 Dropout이 적응형 L2 페널티인 이유를 볼 "
     "수 있다. 공식은 노트 탭에 있다."},
    {"could not load data/fashion-mnist.bin", "data/fashion-mnist.bin을 불러오지 못했다"},
    {"The first %d hidden units of layer 1: each unit's 784 incoming weights drawn as a 28x28 image (blue "
     "positive, orange negative).",
     "1층의 처음 %d개 은닉 유닛이다. 각 유닛으로 들어오는 784개의 weight를 28x28 이미지로 "
     "그렸다(파랑은 양수, 주황은 음수)."},
    {"what training changed: W - W0", "학습으로 바뀐 부분: W - W0"},
    {"Both networks start from the same random weights W0, whose noise hides what a short run learns; "
     "subtracting them shows it. Srivastava et al. (figure 7) found that without dropout single units "
     "co-adapt, and mean little on their own, while with dropout each unit detects a part (a stroke, an "
     "edge) by itself. Compare how varied the units are, and look for dead units (one flat colour).",
     "두 네트워크는 같은 무작위 weight W0에서 출발한다. W0의 노이즈가 짧은 학습으로 배운 것을 가리므로 "
     "W0를 빼서 보여 준다. Srivastava et al.(그림 7)에 따르면 Dropout이 없으면 유닛들이 "
     "co-adapt하여 하나만으로는 의미가 적고, Dropout이 있으면 각 유닛이 혼자서 부분(획, 모서리)을 "
     "검출한다. 유닛들이 얼마나 다양한지 비교하고, 죽은 유닛(한 가지 색)을 찾아본다."},
    {"On 2-D points a first-layer unit has only two weights; the co-adaptation shows in the boundaries of "
     "the Training tab instead. The activations below still tell the story.",
     "2-D 점에서는 1층 유닛의 weight가 두 개뿐이다. co-adaptation은 대신 학습 탭의 경계에서 "
     "보인다. 아래의 활성값은 여전히 차이를 보여 준다."},
    {"hidden layer", "은닉층"},
    {"ReLU activations of this layer for the first 100 test examples, measured with the test-time network. "
     "Srivastava et al. (figure 8) found dropout makes activations sparse: most units are off for a given "
     "example, and the few that fire carry the information.",
     "처음 100개 테스트 예제에 대한 이 층의 ReLU 활성값이다. 테스트 때의 네트워크로 측정한다. "
     "Srivastava et al.(그림 8)에 따르면 Dropout은 활성값을 희소하게 만든다. 한 예제에서 "
     "대부분의 유닛은 꺼져 있고, 켜지는 소수의 유닛이 정보를 담는다."},
    {"no dropout: %.0f%% zero, mean %.3f", "Dropout 없음: 0인 값 %.0f%%, 평균 %.3f"},
    {"dropout: %.0f%% zero, mean %.3f", "Dropout: 0인 값 %.0f%%, 평균 %.3f"},
    {"activation > 0, up to %.2f", "활성값 > 0, 최대 %.2f"},
    {"share", "비율"},
    {"test example", "테스트 예제"},
    {"samples N", "샘플 수 N"},
    {"true class: %s", "정답 클래스: %s"},
    {"weight scaling", "weight scaling"},
    {"MC mean", "MC 평균"},
    {"+- 1 sd", "+- 1 표준편차"},
    {"| no dropout", "| Dropout 없음"},
    {"weight scaling: %s (%.0f%%), entropy %.2f", "weight scaling: %s (%.0f%%), 엔트로피 %.2f"},
    {"MC dropout, N = %d: %s (%.0f%% +- %.0f%%), entropy %.2f, mean spread %.3f",
     "MC dropout, N = %d: %s (%.0f%% +- %.0f%%), 엔트로피 %.2f, 평균 퍼짐 "
     "%.3f"},
    {"The spread of the N thinned networks' answers is the model's uncertainty about this example (Gal & "
     "Ghahramani 2016): look for examples where it is wide (%s).",
     "N개 thinned 네트워크 답의 퍼짐은 이 예제에 대한 모델의 불확실성이다(Gal & Ghahramani "
     "2016). 퍼짐이 넓은 예제를 찾아본다(%s)."},
    {"ambiguous shirts, pullovers and coats", "애매한 셔츠, 풀오버, 코트"},
    {"points near the boundary", "경계 근처의 점"},
    {"Test error of the dropout network, both ways of predicting", "Dropout 네트워크의 테스트 오류율, 두 가지 예측 방법"},
    {"Measuring...", "측정 중..."},
    {"Measure now", "지금 측정"},
    {"Monte-Carlo dropout costs N forward passes per example, measured a little each frame: by itself "
     "whenever training is paused, and on request while it runs.",
     "Monte-Carlo dropout은 예제마다 순전파를 N번 해야 하므로 매 프레임 조금씩 측정한다. 학습이 "
     "멈춰 있으면 저절로, 학습 중에는 요청할 때 측정한다."},
    {"at step %ld on %d test examples:", "step %ld, 테스트 예제 %d개:"},
    {"  weight scaling (one pass):   %.2f%%", "  weight scaling (1번 계산):   %.2f%%"},
    {"  MC dropout (N = %d passes):  %.2f%%", "  MC dropout (N = %d번 계산):  %.2f%%"},
    {"  no-dropout network (now):    %.2f%%", "  Dropout 없는 네트워크 (현재): %.2f%%"},
    {"Weight scaling passes each layer's expected input forward in one pass: exact for a linear network, a "
     "close approximation through ReLUs. With N = 1 (a single thinned network) the error is much worse; as "
     "N grows the MC mean settles on the ensemble's average, within about a percent of weight scaling, "
     "which costs one pass instead of N.",
     "Weight scaling은 각 층 입력의 기댓값을 한 번의 순전파로 전달한다. 선형 네트워크에서는 "
     "정확하고, ReLU를 거치면 가까운 근사가 된다. N = 1(thinned 네트워크 하나)이면 오류율이 훨씬 "
     "나쁘다. N이 커지면 MC 평균은 앙상블의 평균에 수렴하고, weight scaling과 약 1퍼센트포인트 "
     "이내로 같아진다. weight scaling은 N번이 아니라 한 번만 계산하면 된다."},
    {"Why: co-adaptation", "왜 쓰는가: co-adaptation"},
    {"In a large network trained on little data, units come to depend on each other: one fixes the "
     "mistakes of another, some pairs only cancel each other out, and together they memorise the training "
     "set. Per-layer L1 or L2 penalties do not stop this. Dropout (Hinton et al. 2012; Srivastava et al., "
     "JMLR 2014) makes every unit work among a random subset of the others.",
     "적은 데이터로 학습한 큰 네트워크에서는 유닛들이 서로에게 의존하게 된다. 한 유닛이 다른 유닛의 실수를 "
     "고치고, 어떤 쌍은 서로를 상쇄할 뿐이며, 함께 학습 데이터를 외운다. 층별 L1, L2 페널티로는 이를 "
     "막지 못한다. Dropout(Hinton et al. 2012; Srivastava et al., JMLR "
     "2014)은 모든 유닛이 무작위로 고른 다른 유닛들 사이에서 일하게 만든다."},
    {"Training: a Bernoulli mask per layer", "학습: 층마다 Bernoulli 마스크"},
    {"On average a fraction p of the units is off (half at p = 0.5). Each mini-batch example trains a "
     "different thinned network, all sharing weights: an ensemble of 2^n networks trained at the cost of "
     "one. The Thinned network tab shows the masks of the latest step.",
     "평균적으로 유닛의 비율 p가 꺼진다(p = 0.5이면 절반). 미니배치의 예제마다 weight를 공유하는 "
     "서로 다른 thinned 네트워크를 학습한다. 네트워크 하나의 비용으로 2^n개 네트워크의 앙상블을 학습하는 "
     "셈이다. Thinned 네트워크 탭에서 마지막 step의 마스크를 볼 수 있다."},
    {"Test time: weight scaling, or inverted dropout", "테스트 때: weight scaling 또는 inverted dropout"},
    {"Both keep each layer's expected input equal in training and at test time, and they learn the same "
     "functions; frameworks use the inverted form so that inference needs no change. Switch between them "
     "under 'scaling'. The deterministic network approximates the average of all the thinned networks; "
     "Monte-Carlo dropout averages N of them instead (Inference tab), and their spread measures the "
     "model's uncertainty.",
     "두 방법 모두 각 층 입력의 기댓값을 학습 때와 테스트 때 같게 유지하고, 같은 함수를 학습한다. "
     "프레임워크는 추론을 바꿀 필요가 없도록 inverted 방식을 쓴다. '스케일링'에서 둘을 바꿀 수 있다. "
     "결정적 네트워크는 모든 thinned 네트워크의 평균을 근사한다. Monte-Carlo dropout은 대신 "
     "그중 N개를 평균하고(추론 탭), 그 퍼짐이 모델의 불확실성을 나타낸다."},
    {"Dropout is an adaptive L2 penalty (Baldi & Sadowski 2013)",
     "Dropout은 적응형 L2 페널티이다 (Baldi & Sadowski 2013)"},
    {"For a linear unit, exactly: E[z_i z_j] = p_i p_j for i != j but E[z_i^2] = p_i, and the difference "
     "is the penalty. It is strongest at p = 1/2 and scales with x_i^2, so inputs that vary more are "
     "penalised more. The Dropout = L2 tab checks it with thousands of masks.",
     "선형 유닛에서는 정확히 성립한다. i != j이면 E[z_i z_j] = p_i p_j이지만 E[z_i^2] "
     "= p_i이고, 이 차이가 페널티가 된다. 페널티는 p = 1/2에서 가장 세고 x_i^2에 비례하므로, "
     "많이 변하는 입력일수록 더 큰 페널티를 받는다. Dropout = L2 탭에서 수천 개의 마스크로 확인한다."},
    {"Rates are per layer", "비율은 층마다 정한다"},
    {"The paper keeps inputs with q = 0.8 (p = 0.2) and hidden units with q = 0.5. AlexNet and VGG used p "
     "= 0.5 in their fully connected layers. In convolutional networks batch normalisation has largely "
     "replaced dropout. Dropout is not pruning: a dropped unit is back the next step.",
     "논문은 입력을 q = 0.8(p = 0.2), 은닉 유닛을 q = 0.5로 유지한다. AlexNet과 "
     "VGG는 완전 연결층에 p = 0.5를 썼다. 합성곱 신경망에서는 배치 정규화가 Dropout을 대부분 "
     "대신했다. Dropout은 pruning이 아니다. 꺼진 유닛은 다음 step에 다시 돌아온다."},
    {"What to look for", "볼 것"},
    {"Training: without dropout the training error reaches 0 while the test loss climbs: the shaded "
     "train-test gap widens. With dropout the gap stays narrow, and the test loss low.",
     "학습: Dropout이 없으면 학습 오류율이 0이 되는 동안 테스트 Loss는 올라가고, 음영으로 표시한 "
     "학습-테스트 차이가 벌어진다. Dropout이 있으면 차이가 좁고 테스트 Loss도 낮게 유지된다."},
    {"Test error on 1,000 Fashion-MNIST images: for the first 80 or so epochs the two networks stay within "
     "about a point of each other (which one leads depends on the seed); dropout pulls ahead slowly. Its "
     "clear effect is on the gap and on the test loss: the plain network grows confidently wrong.",
     "Fashion-MNIST 1,000장에서의 테스트 오류율: 처음 80 epoch 정도는 두 네트워크가 약 "
     "1퍼센트포인트 안에 있고(어느 쪽이 앞서는지는 seed에 따라 다르다), Dropout이 천천히 앞선다. "
     "뚜렷한 효과는 차이와 테스트 Loss에서 나타난다. 일반 네트워크는 틀린 답을 점점 더 확신한다."},
    {"On 2-D points: the no-dropout boundary bends around single noisy points; dropout's is smooth, and "
     "its test error is clearly lower.",
     "2-D 점: Dropout이 없는 경계는 노이즈 점 하나하나를 따라 구부러진다. Dropout의 경계는 "
     "매끄럽고, 테스트 오류율도 확실히 낮다."},
    {"Features: what each first-layer unit learned (W - W0). The paper found co-adapted units without "
     "dropout that mean little alone, and part detectors (strokes, edges) with it.",
     "특징: 1층의 각 유닛이 배운 것(W - W0)이다. 논문에 따르면 Dropout이 없으면 co-adapt된 "
     "유닛은 혼자서는 의미가 적고, Dropout이 있으면 부분(획, 모서리) 검출기가 된다."},
    {"Activations: dropout's hidden units are more often exactly zero (sparser codes).",
     "활성값: Dropout 네트워크의 은닉 유닛은 정확히 0인 경우가 더 많다(더 희소한 표현)."},
    {"Inference: MC dropout and weight scaling agree on most examples; the spread is widest on ambiguous "
     "ones (shirt, T-shirt, pullover, coat).",
     "추론: MC dropout과 weight scaling은 대부분의 예제에서 같은 답을 낸다. 퍼짐은 애매한 "
     "예제(셔츠, 티셔츠, 풀오버, 코트)에서 가장 넓다."},
    {"Dropout takes longer to train: each thinned network sees few updates, and its curves are noisier.",
     "Dropout은 학습이 더 오래 걸린다. 각 thinned 네트워크는 업데이트를 적게 받고, 곡선도 더 "
     "흔들린다."},
    {"One linear unit, y ~ sum_j z_j w_j x_j with keep-masks z_j ~ Bernoulli(p_j), on 8 regression "
     "samples. Averaged over many masks, the dropout error's gradient equals the gradient of E_N + 1/2 "
     "sum_i p_i (1 - p_i) w_i^2 x_i^2: dropout is an L2 penalty whose strength adapts to each input's "
     "scale x_i^2 and peaks at p = 1/2 (Baldi & Sadowski 2013).",
     "선형 유닛 하나, y ~ sum_j z_j w_j x_j, 유지 마스크 z_j ~ "
     "Bernoulli(p_j), 회귀 샘플 8개이다. 많은 마스크에 대해 평균하면 Dropout 오차의 기울기는 "
     "E_N + 1/2 sum_i p_i (1 - p_i) w_i^2 x_i^2의 기울기와 같다. Dropout은 "
     "세기가 각 입력의 크기 x_i^2에 맞춰지고 p = 1/2에서 가장 센 L2 페널티이다(Baldi & "
     "Sadowski 2013)."},
    {"keep p", "유지 p"},
    {"p_i from 0.2 to 0.9", "p_i 0.2~0.9"},
    {"masks", "마스크 수"},
    {"averaging over masks...", "마스크에 대해 평균하는 중..."},
    {"dE/dw1 as w1 varies (other weights fixed)", "w1에 따른 dE/dw1 (다른 weight 고정)"},
    {"w1 from %.0f to %.0f", "w1: %.0f ~ %.0f"},
    {"each dE/dwi at w", "w에서의 각 dE/dwi"},
    {"grad E_N (no penalty)", "grad E_N (페널티 없음)"},
    {"grad (E_N + penalty)", "grad (E_N + 페널티)"},
    {"mean dropout gradient over %d masks, +-2 s.e.", "마스크 %d개에 대한 Dropout 기울기 평균, +-2 표준오차"},
    {"dropout: mean gradient over the masks (s.e. its standard error); regularised: grad (E_N + penalty)",
     "Dropout: 마스크에 대한 기울기 평균 (s.e.는 그 표준오차), 정규화: grad (E_N + "
     "페널티)"},
    {"mean x_i^2", "x_i^2 평균"},
    {"s.e.", "s.e."},
    {"regularised", "정규화"},
    {"penalty", "페널티"},
    {"Largest difference between the dropout average and the regularised gradient: %.1f standard errors "
     "(sampling noise: it shrinks as 1/sqrt(masks)). The grey bars miss by the penalty part.",
     "Dropout 평균과 정규화 기울기의 최대 차이: 표준오차의 %.1f배 (샘플링 노이즈이며 "
     "1/sqrt(마스크 수)로 줄어든다). 회색 막대는 페널티만큼 어긋난다."},
    {"Press Play or Step: each training step draws new masks for the dropout network.",
     "재생(Play) 또는 Step을 누른다. 학습 step마다 Dropout 네트워크의 마스크를 새로 뽑는다."},
    {"Step %ld: the thinned network the dropout twin trained on the first example of this mini-batch. Grey "
     "units are dropped: for this example they neither fire nor learn. Every step, and every example in "
     "the batch, gets a new mask.",
     "Step %ld: Dropout 네트워크가 이 미니배치의 첫 예제에서 학습한 thinned 네트워크이다. "
     "회색 유닛은 꺼진 것으로, 이 예제에서는 출력도 학습도 하지 않는다. step마다, 배치의 예제마다 새 "
     "마스크를 받는다."},
    {"input (p = %.2f)", "입력 (p = %.2f)"},
    {"hidden %d (p = %.2f)", "은닉 %d (p = %.2f)"},
    {"%d / %d active", "%d / %d 활성"},
    {"batch %.1f%%, q = %.0f%%", "배치 %.1f%%, q = %.0f%%"},
    {"The first 10 units of each layer (first example): links only between active units",
     "각 층의 처음 10개 유닛 (첫 예제): 활성 유닛 사이에만 연결"},
    {"hidden %d", "은닉 %d"},
    {"pixels", "픽셀"},
    {"output", "출력"},
    {"Hidden layer 1's mask for all %d examples of the batch (rows), %d units (columns)",
     "배치의 예제 %d개 전체(행)에 대한 은닉층 1의 마스크, 유닛 %d개(열)"},
    {"Thinned network", "Thinned 네트워크"},
    {"Features", "특징"},
    {"Inference", "추론"},
    {"Dropout = L2", "Dropout = L2"},
    {"Notes", "노트"},
    {"Fashion-MNIST could not be loaded:", "Fashion-MNIST를 불러오지 못했다:"},
    {"The same experiment runs on noisy 2-D points, where overfitting shows as a wiggly boundary.",
     "같은 실험을 노이즈가 있는 2-D 점으로도 할 수 있다. 거기서는 과적합이 구불구불한 경계로 보인다."},
    {"Use the 2-D data (moons) instead", "대신 2-D 데이터(반달) 사용"},
    {"Loading Fashion-MNIST (10,000 training and 2,000 test images, 9 MB)...",
     "Fashion-MNIST 불러오는 중 (학습 이미지 10,000장, 테스트 이미지 2,000장, 9 "
     "MB)..."},
    {"No data.", "데이터가 없다."},
    {"train %.3f / %4.1f%%   test %.3f / %4.1f%%   gap (test - train error) %4.1f%%",
     "학습 %.3f / %4.1f%%   테스트 %.3f / %4.1f%%   차이 (테스트 - 학습 오류율) "
     "%4.1f%%"},
    {"loss / error, measured with the test-time network at epoch %.1f (measuring...)",
     "Loss / 오류율, epoch %.1f에서 테스트 때의 네트워크로 측정 (측정 중...)"},
    {"loss / error, measured with the test-time network at epoch %.1f",
     "Loss / 오류율, epoch %.1f에서 테스트 때의 네트워크로 측정"},
    {"cross-entropy loss", "cross-entropy Loss"},
    {"error (fraction misclassified)", "오류율 (잘못 분류한 비율)"},
    {"error", "오류율"},
    {"Training points; the background is each network's test-time prediction.",
     "점은 학습 데이터이고, 배경은 각 네트워크의 테스트 때 예측이다."},
    {"T-shirt/top", "티셔츠/상의"},
    {"Trouser", "바지"},
    {"Pullover", "풀오버"},
    {"Dress", "드레스"},
    {"Coat", "코트"},
    {"Sandal", "샌들"},
    {"Shirt", "셔츠"},
    {"Sneaker", "스니커즈"},
    {"Bag", "가방"},
    {"Ankle boot", "앵클 부츠"},
    {"class %d", "클래스 %d"},
};

}  // namespace

KoreanTable dropout_korean() { return {"dropout demo", kRows, sizeof kRows / sizeof kRows[0]}; }

}  // namespace i18n
