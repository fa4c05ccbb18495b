// Korean for the perceptron and activations demos (issue 14; how to write it: demos/i18n/korean_tables.h).
#include "demos/i18n/korean_tables.h"

namespace i18n {
namespace {

constexpr KoreanRow kRows[] = {
    {"Perceptron and MLP", "Perceptron과 MLP"},
    // Mode tabs.
    {"Perceptron", "퍼셉트론"},
    {"Logic gates", "논리 게이트"},
    {"ReLU sum", "ReLU 합"},
    {"MLP", "MLP"},
    // Shared by several modes.
    {"Run", "실행"},
    {"seed", "seed"},
    {"seed %d", "seed %d"},
    {"learning rate", "학습률"},
    {"steps / s", "초당 step"},
    {"points", "점 개수"},
    {"linear", "선형"},
    {"out", "출력"},

    // Activation functions.
    {"Activation functions", "활성화 함수"},
    {"A layer computes h = f(Wx + b). Without the nonlinearity f, two layers W2(W1 x + b1) + b2 are "
     "again one linear map, so depth would add nothing. The derivative f'(x) (the faint curve) is what "
     "backpropagation multiplies by at every layer: sigmoid's never exceeds 0.25 and tanh's is 1 "
     "only at 0, so deep stacks of them shrink gradients (vanishing gradients), while ReLU passes a "
     "gradient of exactly 1 wherever it is active and 0 where it is not (a 'dead' unit).",
     "층은 h = f(Wx + b)를 계산한다. 비선형 f가 없으면 두 층 W2(W1 x + b1) + b2도 다시 하나의 선형 "
     "사상이라서 깊이가 아무것도 더하지 못한다. 도함수 f'(x)(흐린 곡선)는 역전파가 층마다 곱하는 값이다: "
     "sigmoid의 도함수는 0.25를 넘지 않고 tanh의 도함수는 0에서만 1이므로, 이들을 깊이 쌓으면 gradient가 "
     "줄어든다(vanishing gradient). ReLU는 활성인 곳에서는 정확히 1, 아닌 곳에서는 0의 gradient를 "
     "넘긴다('죽은' unit)."},
    {"GELU (tanh approx.)", "GELU (tanh 근사)"},
    {"function", "함수"},
    {"show derivative", "도함수 보기"},
    {"compare all", "모두 비교"},
    {"x range", "x 범위"},
    {"probe x", "탐침 x"},
    {"bright: f(x)   faint: f'(x)   ring: probe x", "진한 선: f(x)   흐린 선: f'(x)   고리: 탐침 x"},
    {"f(x)   ring: probe x", "f(x)   고리: 탐침 x"},

    // Perceptron mode.
    {"Forward pass: the neuron scores x = (1, x1, x2) with s = w.x = w0 + w1 x1 + w2 x2 and answers "
     "sign(s). The white line is s = 0; the arrow (w1, w2) points to the blue (+1) side. Update "
     "(Rosenblatt 1958, as the notes state it): pick a random misclassified sample x_k (red ring, "
     "y_k w.x_k <= 0) and set w <- w + y_k x_k. That raises y_k w.x_k by |x_k|^2 = 1 + x1^2 + x2^2 "
     "(the numbers under the controls), and the line jumps from its faint old place. If some line "
     "separates the classes, the rule stops after finitely many updates (Novikoff 1962). On XOR no line "
     "does (Minsky & Papert 1969): each correction breaks another point, forever. The rate only scales "
     "the steps; the notes' rule has none, i.e. rate 1.",
     "Forward pass: 뉴런은 x = (1, x1, x2)에 점수 s = w.x = w0 + w1 x1 + w2 x2를 매기고 sign(s)로 답한다. "
     "흰 선이 s = 0이고, 화살표 (w1, w2)는 파란(+1) 쪽을 가리킨다. 갱신(Rosenblatt 1958, 노트의 표현대로): "
     "잘못 분류된 샘플 x_k(빨간 고리, y_k w.x_k <= 0) 하나를 무작위로 골라 w <- w + y_k x_k로 둔다. 그러면 "
     "y_k w.x_k가 |x_k|^2 = 1 + x1^2 + x2^2만큼 커지고(컨트롤 아래의 숫자), 선은 흐린 옛 자리에서 뛰어 "
     "움직인다. 두 클래스를 가르는 선이 있으면 이 규칙은 유한 번의 갱신 후에 멈춘다(Novikoff 1962). XOR에는 "
     "그런 선이 없다(Minsky & Papert 1969): 고칠 때마다 다른 점이 틀려지고, 이것이 끝없이 반복된다. 학습률은 "
     "step의 크기만 바꾼다; 노트의 규칙에는 학습률이 없다, 즉 1이다."},
    {"two clouds", "두 점 구름"},
    {"XOR (four corners)", "XOR (네 모서리)"},
    {"New data", "새 데이터"},
    {"data", "데이터"},
    {"w0 (bias)", "w0 (편향)"},
    {"updates / s", "초당 갱신"},
    {"spread", "퍼짐"},
    {"updates: %ld", "갱신 횟수: %ld"},
    {"misclassified (train): %d / %d", "오분류 (학습): %d / %d"},
    {"test accuracy: %.1f%%", "테스트 정확도: %.1f%%"},
    {"Converged: every training point is on its side.", "수렴했다: 모든 학습 점이 제 쪽에 있다."},
    {"Step picks a random red-ringed point x_k and sets w <- w + rate * y_k x_k.",
     "Step은 빨간 고리 점 x_k 하나를 무작위로 골라 w <- w + rate * y_k x_k로 둔다."},
    {"last update: sample %d (yellow ring)", "마지막 갱신: 샘플 %d (노란 고리)"},
    {"No line separates XOR: the blue corners sit on one diagonal, the orange on the other "
     "(Minsky & Papert 1969). The rule can only move the mistakes around.",
     "어떤 선도 XOR을 가르지 못한다: 파란 모서리는 한 대각선에, 주황 모서리는 다른 대각선에 있다 "
     "(Minsky & Papert 1969). 규칙은 틀린 점을 옮겨 다닐 뿐이다."},
    {"%ld updates and still %d wrong: it will never stop.", "%ld번 갱신했는데도 %d개가 틀렸다: 절대 멈추지 않는다."},
    {"Add a hidden layer", "은닉층 추가"},
    {"The Logic gates tab builds XOR from two layers of these units, then learns it.",
     "논리 게이트 탭은 이런 unit 두 층으로 XOR을 만들고, 그다음 학습한다."},
    {"filled: train  hollow: test  red: misclassified  yellow: x_k  faint: line before",
     "채운 점: 학습  빈 점: 테스트  빨강: 오분류  노랑: x_k  흐린 선: 이전 선"},

    // Logic gates mode.
    {"A perceptron computes h(x) = sign(w0 + w1 x1 + w2 x2), read here as 1 for + and 0 for -. With "
     "inputs in {0, 1} the four rows of a truth table are the corners of the unit square, and the unit "
     "answers 1 on the blue side of the white line w0 + w1 x1 + w2 x2 = 0 and 0 on the orange side; the "
     "arrow is (w1, w2). The notes' OR is sign(3 x1 + 3 x2 - 2): the line x1 + x2 = 2/3 cuts (0,0) off "
     "from the other corners. AND, (-4, 3, 3), moves it to x1 + x2 = 4/3, leaving only (1,1) on the + "
     "side; NAND flips every sign of AND. Rosenblatt's rule finds such weights by itself (Perceptron tab).",
     "퍼셉트론은 h(x) = sign(w0 + w1 x1 + w2 x2)를 계산하고, 여기서는 +를 1, -를 0으로 읽는다. 입력이 {0, 1}이면 "
     "진리표의 네 행은 단위 정사각형의 모서리이고, unit은 흰 선 w0 + w1 x1 + w2 x2 = 0의 파란 쪽에서 1, 주황 "
     "쪽에서 0을 답한다; 화살표는 (w1, w2)이다. 노트의 OR은 sign(3 x1 + 3 x2 - 2)이다: 선 x1 + x2 = 2/3이 "
     "(0,0)을 다른 모서리에서 떼어 낸다. AND (-4, 3, 3)는 선을 x1 + x2 = 4/3으로 옮겨 (1,1)만 + 쪽에 남긴다; "
     "NAND는 AND의 부호를 모두 뒤집는다. Rosenblatt의 규칙은 이런 가중치를 스스로 찾는다(퍼셉트론 탭)."},
    {"XOR is 1 on (0,1) and (1,0) and 0 on (0,0) and (1,1): the classes sit on the two diagonals, and no "
     "line has both blue corners on one side and both orange on the other (Minsky & Papert 1969); the "
     "best line gets three rows right. Two layers do it: the hidden units OR (green line) and NAND "
     "(magenta line) each cut off one orange corner, and the output unit AND answers 1 only in the band "
     "between them: XOR = AND(OR, NAND). To learn it, the step becomes smooth so that gradients exist: "
     "h = tanh(W x + b) (or the sigmoid), logit z = v.h + c, loss L = -t log s(z) - (1 - t) log(1 - s(z)) with s the "
     "sigmoid. Its gradient dL/dz = s(z) - t flows back through v to W by the chain rule, and Adam moves "
     "every weight; the plot shows the two hidden lines W x + b = 0 turning as it learns.",
     "XOR은 (0,1)과 (1,0)에서 1, (0,0)과 (1,1)에서 0이다: 두 클래스가 두 대각선에 놓여, 파란 모서리 둘을 한쪽에, "
     "주황 모서리 둘을 다른 쪽에 두는 선은 없다(Minsky & Papert 1969); 가장 좋은 선도 세 행만 맞힌다. 두 층이면 "
     "된다: 은닉 unit OR(초록 선)과 NAND(자홍 선)가 각각 주황 모서리 하나를 잘라 내고, 출력 unit AND는 그 사이의 "
     "띠에서만 1을 답한다: XOR = AND(OR, NAND). 이것을 학습하려면 gradient가 있도록 계단 함수를 매끄럽게 바꾼다: "
     "h = tanh(W x + b)(또는 sigmoid), logit z = v.h + c, s를 sigmoid라 할 때 Loss L = -t log s(z) - (1 - t) log(1 - s(z)). "
     "gradient dL/dz = s(z) - t는 연쇄 법칙으로 v를 거쳐 W까지 거꾸로 흐르고, Adam이 모든 가중치를 움직인다; "
     "그림은 학습하면서 두 은닉 선 W x + b = 0이 돌아가는 모습을 보여 준다."},
    {"gate", "게이트"},
    {"No single line puts (0,1) and (1,0) on one side and (0,0) and (1,1) on the other "
     "(Minsky & Papert 1969). Try the sliders; then add a layer.",
     "어떤 선 하나도 (0,1)과 (1,0)을 한쪽에, (0,0)과 (1,1)을 다른 쪽에 두지 못한다 "
     "(Minsky & Papert 1969). 슬라이더로 해 보고, 그다음 층을 더한다."},
    {"one line", "선 하나"},
    {"two layers", "두 층"},
    {"learned", "학습됨"},
    {"Use the notes' weights", "노트의 가중치 쓰기"},
    {"(for XOR: OR's, which get 3 of 4 rows)", "(XOR에는 OR의 가중치: 4행 중 3행을 맞힌다)"},
    {"h(x) = step(w0 + w1 x1 + w2 x2): 1 if positive, else 0.", "h(x) = step(w0 + w1 x1 + w2 x2): 양수면 1, 아니면 0."},
    {"h1 = OR(x) = step(-2 + 3 x1 + 3 x2), green line\n"
     "h2 = NAND(x) = step(4 - 3 x1 - 3 x2), magenta line\n"
     "y = AND(h1, h2) = step(-4 + 3 h1 + 3 h2)\n"
     "In the hidden layer the corners move to (h1, h2): (0,0) -> (0,1), (0,1) and (1,0) -> (1,1), "
     "(1,1) -> (1,0), and there one line, AND's, splits them.",
     "h1 = OR(x) = step(-2 + 3 x1 + 3 x2), 초록 선\n"
     "h2 = NAND(x) = step(4 - 3 x1 - 3 x2), 자홍 선\n"
     "y = AND(h1, h2) = step(-4 + 3 h1 + 3 h2)\n"
     "은닉층에서 모서리는 (h1, h2)로 옮겨 간다: (0,0) -> (0,1), (0,1)과 (1,0) -> (1,1), "
     "(1,1) -> (1,0). 거기서는 선 하나, AND의 선이 이들을 가른다."},
    {"rows right: %d / 4", "맞힌 행: %d / 4"},
    {"Learn XOR from scratch (2-2-1 network)", "XOR을 처음부터 학습 (2-2-1 네트워크)"},
    {"New seed", "새 seed"},
    {"hidden units", "은닉 unit"},
    {"Adam rate", "Adam 학습률"},
    {"step %ld   loss %.4f", "step %ld   Loss %.4f"},
    {"Stuck: the loss has stopped falling with a row still wrong. Typically two rows get the same hidden "
     "values (h1, h2 below), so the output cannot tell them apart, and the saturated units pass back almost "
     "no gradient. A 2-2-1 network ends in such a local minimum from about half the seeds.",
     "막혔다: 한 행이 아직 틀렸는데 Loss가 더 줄지 않는다. 보통 두 행이 같은 은닉 값(아래 h1, h2)을 얻어 출력이 "
     "둘을 구별하지 못하고, 포화된 unit은 gradient를 거의 돌려보내지 않는다. 2-2-1 네트워크는 seed의 절반쯤에서 "
     "이런 local minimum에 빠진다."},
    {"Try another seed", "다른 seed로 시도"},
    {"All four rows right. Compare its hidden lines with OR and NAND.",
     "네 행을 모두 맞혔다. 은닉 선을 OR, NAND와 비교해 본다."},
    {"score", "점수"},
    {"h = step(w0 + w1 x1 + w2 x2): 1 if positive, else 0", "h = step(w0 + w1 x1 + w2 x2): 양수면 1, 아니면 0"},
    {"every unit: step(b + w.inputs), 1 if positive, else 0", "모든 unit: step(b + w.inputs), 양수면 1, 아니면 0"},
    {"hidden: %s(b + w.x)   output: 1 if b + v.h > 0", "은닉: %s(b + w.x)   출력: b + v.h > 0이면 1"},
    {"blue: gate gives 1   orange: 0   red ring: unit is wrong", "파랑: 게이트 값 1   주황: 0   빨간 고리: unit이 틀림"},
    {"blue: gate gives 1   orange: 0   red ring: network is wrong",
     "파랑: 게이트 값 1   주황: 0   빨간 고리: 네트워크가 틀림"},

    // ReLU sum mode.
    {"Each unit computes a_i ReLU(w_i x + b_i): zero on one side of its kink x = -b_i / w_i and a straight "
     "line of slope a_i w_i on the other (the thin coloured curves). Their sum f(x) = c + sum_i a_i ReLU(w_i x "
     "+ b_i), the thick white curve, is a broken line whose slope changes by a_i |w_i| at each kink (the "
     "dots), so k units can bend it k times: this is how one hidden layer of ReLUs approximates a curve, and "
     "more units give more bends. The notes build a curve as Z(x) = -n1 - n2 - n3 + n4 + n5 + n6 with n_i(x) "
     "= ReLU(a_i x + b_i); their a_i is w_i here and their signs are a_i = -1 or +1, as in the six units you "
     "start with. The 'notes' target (dashed) is such a sum, so a fit can reach zero loss; the sine and the "
     "parabola can only be approached, and the step needs a near-vertical ramp (a very large w). Fit runs "
     "Adam on the mean squared error over 200 points in [-3, 3]. A unit whose kink slides out of the range "
     "with its flat side inwards gets no gradient and stays dead.",
     "각 unit은 a_i ReLU(w_i x + b_i)를 계산한다: 꺾이는 점 x = -b_i / w_i의 한쪽에서는 0이고, 다른 쪽에서는 "
     "기울기 a_i w_i의 직선이다(가는 색 곡선). 그 합 f(x) = c + sum_i a_i ReLU(w_i x + b_i)(굵은 흰 곡선)는 "
     "꺾이는 점(점)마다 기울기가 a_i |w_i|만큼 바뀌는 꺾은선이라서, unit k개는 곡선을 k번 꺾을 수 있다: 은닉층 "
     "하나의 ReLU가 곡선을 근사하는 방식이 이것이고, unit이 많을수록 꺾임도 많다. 노트는 n_i(x) = ReLU(a_i x + b_i)로 "
     "Z(x) = -n1 - n2 - n3 + n4 + n5 + n6 곡선을 만든다; 노트의 a_i가 여기서는 w_i이고, 처음 주어진 여섯 unit처럼 "
     "부호는 a_i = -1 또는 +1이다. 'notes' 목표(점선)가 바로 그런 합이라서 fit이 Loss 0에 닿을 수 있다; sine과 "
     "parabola는 가까워질 수만 있고, step은 거의 수직인 경사(아주 큰 w)가 필요하다. Fit은 [-3, 3]의 200개 점에서 "
     "평균 제곱 오차에 Adam을 돌린다. 꺾이는 점이 평평한 쪽을 안으로 한 채 범위 밖으로 밀려난 unit은 gradient를 "
     "받지 못하고 죽은 채로 남는다."},
    {"sine: 1.5 sin(1.5x)", "sine: 1.5 sin(1.5x)"},
    {"abs: |x| - 1.5", "abs: |x| - 1.5"},
    {"step: sign(x)", "step: sign(x)"},
    {"parabola: x^2/3 - 1.5", "parabola: x^2/3 - 1.5"},
    {"notes: a six-unit Z(x)", "notes: unit 여섯 개의 Z(x)"},
    {"Fit", "Fit"},
    {"Random start", "무작위 시작"},
    {"Fit runs Adam (full batch, the learning rate below) on the mean squared error between f and the "
     "target at 200 points in [-3, 3], and writes the fitted units back into the sliders and the link. "
     "Random start draws new units from the next seed.",
     "Fit은 [-3, 3]의 200개 점에서 f와 목표 사이의 평균 제곱 오차에 Adam(full batch, 아래 학습률)을 돌리고, "
     "맞춘 unit을 슬라이더와 링크에 다시 쓴다. 무작위 시작은 다음 seed로 새 unit을 뽑는다."},
    {"step %ld   loss (MSE) %.3g", "step %ld   Loss (MSE) %.3g"},
    {"log10 loss", "log10 Loss"},
    {"training diverged (NaN): lower the learning rate", "학습이 발산했다 (NaN): 학습률을 낮춘다"},
    {"Reset training", "학습 초기화"},
    {"The loss or a parameter stopped being a finite number, or a parameter passed +/-100, from where "
     "float32 overflows within a few steps. The units are back at their last finite values; Reset "
     "training clears the optimizer's state and keeps them.",
     "Loss나 parameter가 유한한 수가 아니게 되었거나, parameter가 +/-100을 넘었다. 거기서부터는 float32가 몇 step "
     "안에 overflow된다. unit은 마지막 유한한 값으로 돌아갔다; 학습 초기화는 optimizer의 상태를 지우고 unit은 "
     "그대로 둔다."},
    {"target", "목표"},
    {"units k", "unit 수 k"},
    {"In the plot, drag a unit's dot (its kink, x = -b/w) left or right to move the kink; drag it up or "
     "down to bend the curve there: a changes so that the unit's line, one unit past the kink on its "
     "sloped side, follows the mouse. Open a unit below for exact sliders.",
     "그림에서 unit의 점(꺾이는 점, x = -b/w)을 좌우로 끌면 꺾이는 점이 움직인다; 위아래로 끌면 그 자리에서 곡선이 "
     "꺾인다: 기울어진 쪽으로 꺾이는 점에서 1만큼 떨어진 unit의 선이 마우스를 따르도록 a가 바뀐다. 정확한 "
     "슬라이더는 아래에서 unit을 연다."},
    {"offset c", "오프셋 c"},
    {"a (height)", "a (높이)"},
    {"w (slope)", "w (기울기)"},
    {"kink x", "꺾이는 점 x"},
    {"n%d = %.2f ReLU(%.2fx %c %.2f), kink at x = %.2f\nleft/right: move the kink\nup/down: bend the curve "
     "here (changes a)",
     "n%d = %.2f ReLU(%.2fx %c %.2f), 꺾이는 점 x = %.2f\n좌우: 꺾이는 점 이동\n위아래: 여기서 곡선을 꺾기 "
     "(a가 바뀜)"},
    {"white: f(x)   dashed: target   thin: units a_i ReLU(w_i x + b_i)   dots: kinks (drag)",
     "흰 선: f(x)   점선: 목표   가는 선: unit a_i ReLU(w_i x + b_i)   점: 꺾이는 점 (끌기)"},

    // MLP mode.
    {"Forward pass: each hidden layer computes h = f(W h_prev + b) from the layer before (the inputs are the "
     "chosen features of the point), and the output layer gives one score per class: softmax turns the scores "
     "into probabilities (a sigmoid for two classes), which colour the plane. Training picks a mini-batch, "
     "measures the cross-entropy -log p(true class) (or the squared error, to compare), and backpropagation "
     "applies the chain rule from the loss back to every weight: dL/dW = dL/dh * dh/dW, layer by layer. The "
     "optimizer then steps each weight against its gradient, W <- W - rate * dL/dW (plus momentum or Adam's "
     "running averages). Dropout silences a random fraction of a layer's units at each step (scaling the rest "
     "by 1/(1-p)); L1 and L2 add rate * sum|w| or rate * sum w^2 / 2 to the loss. Each small square in the "
     "network is what that neuron computes over the plane; links are blue for positive weights, orange for "
     "negative, thicker for larger ones.",
     "Forward pass: 각 은닉층은 앞 층에서 h = f(W h_prev + b)를 계산하고(입력은 점의 고른 feature이다), 출력층은 "
     "클래스마다 점수 하나를 낸다: 소프트맥스가 점수를 확률로 바꾸고(클래스가 둘이면 sigmoid), 그 확률이 평면을 "
     "칠한다. 학습은 mini-batch를 골라 cross-entropy -log p(정답 클래스)(비교용으로 제곱 오차)를 재고, 역전파가 "
     "Loss에서 모든 가중치까지 연쇄 법칙을 층마다 적용한다: dL/dW = dL/dh * dh/dW. 그다음 optimizer가 각 가중치를 "
     "gradient 반대로 움직인다, W <- W - rate * dL/dW(여기에 momentum이나 Adam의 이동 평균이 더해진다). Dropout은 "
     "step마다 층의 unit 중 무작위 일부를 끄고(나머지는 1/(1-p)배), L1과 L2는 Loss에 rate * sum|w| 또는 "
     "rate * sum w^2 / 2를 더한다. 네트워크의 작은 사각형 하나하나는 그 뉴런이 평면 위에서 계산하는 값이다; "
     "연결선은 양의 가중치면 파랑, 음이면 주황이고, 클수록 굵다."},
    {"1 step / frame", "프레임당 1 step"},
    {"1 epoch / frame", "프레임당 1 epoch"},
    {"as fast as possible", "최대한 빠르게"},
    {"step %ld   epoch %.1f   %.0f steps/s", "step %ld   epoch %.1f   초당 %.0f step"},
    {"loss: train %.3f  test %.3f", "Loss: 학습 %.3f  테스트 %.3f"},
    {"accuracy: train %.1f%%  test %.1f%%", "정확도: 학습 %.1f%%  테스트 %.1f%%"},
    {"Training diverged (NaN): the learning rate is too large for this network. Lower it and reset.",
     "학습이 발산했다 (NaN): 이 네트워크에 학습률이 너무 크다. 낮추고 초기화한다."},
    {"Reset the network", "네트워크 초기화"},
    {"Data", "데이터"},
    {"circle", "원"},
    {"two Gaussians", "Gaussian 두 개"},
    {"spiral", "나선"},
    {"moons", "반달"},
    {"k blobs", "덩어리 k개"},
    {"k spirals", "나선 k개"},
    {"classes", "클래스 수"},
    {"noise", "노이즈"},
    {"train %", "학습 %"},
    {"Regenerate", "다시 생성"},
    {"Click the plot to add a point of class", "그림을 클릭해 추가할 점의 클래스"},
    {"Left click adds a point of the chosen class to the training set; right click (or a long press) removes "
     "your nearest point. Up to 80 of your points are kept in the link.",
     "왼쪽 클릭은 고른 클래스의 점을 학습 세트에 더하고, 오른쪽 클릭(또는 길게 누르기)은 가장 가까운 내 점을 "
     "지운다. 내 점은 80개까지 링크에 남는다."},
    {"your points: %d", "내 점: %d"},
    {"clear", "지우기"},
    {"Network", "네트워크"},
    {"hidden layers: %d", "은닉층: %d"},
    {"+ layer", "+ 층"},
    {"- layer", "- 층"},
    {"layer", "층"},
    {"neurons", "뉴런"},
    {"activation", "활성화 함수"},
    {"dropout", "Dropout"},
    {"Training", "학습"},
    {"cross-entropy", "cross-entropy"},
    {"squared error", "제곱 오차"},
    {"momentum (0.9)", "momentum (0.9)"},
    {"none", "없음"},
    {"loss", "Loss"},
    {"batch size", "배치 크기"},
    {"regularization", "정규화"},
    {"reg. rate", "정규화 비율"},
    {"View", "보기"},
    {"show test data", "테스트 데이터 보기"},
    {"discretize output", "출력 이산화"},
    {"input: %s", "입력: %s"},
    {"hidden layer %d, neuron %d", "은닉층 %d, 뉴런 %d"},
    {"output", "출력"},
    {"in", "입력"},
    {"features", "feature"},
    {"L%d", "%d층"},
    {"layer %d", "%d층"},
    {"+layer", "+층"},
    {"-layer", "-층"},
    {"loss  train %.3f (white)  test %.3f (orange)", "Loss  학습 %.3f (흰색)  테스트 %.3f (주황)"},
    {"loss %.3f / %.3f", "Loss %.3f / %.3f"},
};

}  // namespace

KoreanTable perceptron_korean() { return {"perceptron and activations demos", kRows, sizeof kRows / sizeof kRows[0]}; }

}  // namespace i18n
