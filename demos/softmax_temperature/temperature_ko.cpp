// Korean for the softmax temperature demo (issue 14; how to write it: demos/i18n/korean_tables.h).
#include "demos/i18n/korean_tables.h"

namespace i18n {
namespace {

constexpr KoreanRow kRows[] = {
    {"Softmax temperature", "Softmax temperature"},
    {"A softmax turns scores (logits) z into probabilities; dividing the logits by a temperature T first, "
     "p_i = exp(z_i / T) / sum_k exp(z_k / T), keeps their order but changes how peaked the result is: T -> 0 "
     "puts everything on the largest logit, T = 1 is the plain softmax, T -> infinity spreads it evenly. The "
     "same number makes a language model's sampling bold or timid, lets a small student learn from a teacher's "
     "softened outputs (knowledge distillation, Hinton et al. 2015), and, fitted on held-out data, makes an "
     "over-confident network's probabilities honest (temperature scaling, Guo et al. 2017). One tab each; the "
     "Notes tab has the formulas.",
     "softmax는 점수(logits) z를 확률로 바꾼다. 먼저 logits를 온도 T로 나누면, "
     "p_i = exp(z_i / T) / sum_k exp(z_k / T), 순서는 그대로지만 결과가 얼마나 뾰족한지가 바뀐다: T -> 0이면 "
     "모든 확률이 가장 큰 logit에 몰리고, T = 1은 보통의 softmax이며, T -> 무한대이면 고르게 퍼진다. 같은 숫자가 "
     "언어 모델의 샘플링을 대담하게 또는 소심하게 만들고, 작은 Student가 Teacher의 부드러워진 출력으로 배우게 "
     "하며(Knowledge Distillation, Hinton et al. 2015), held-out 데이터로 맞추면 over-confident한 네트워크의 "
     "확률을 정직하게 만든다(temperature scaling, Guo et al. 2017). 탭마다 하나씩 다루고, 노트 탭에 수식이 있다."},

    // Tabs and the controls panel.
    {"Logits", "Logits"},
    {"Language model", "언어 모델"},
    {"Distillation", "지식 증류"},
    {"Calibration", "보정"},
    {"Notes", "노트"},
    {"The temperature of the logit explorer and of the language model's sampling. Distillation has its own "
     "(kd_T), calibration fits its own.",
     "Logits 탭과 언어 모델 샘플링의 온도이다. 지식 증류는 자기 온도(kd_T)가 따로 있고, 보정은 자기 온도를 "
     "직접 맞춘다."},
    {"Logits and samples", "Logits와 샘플"},
    {"classes K", "클래스 수 K"},
    {"Reset logits", "logits 초기화"},
    {"Add 5 to all", "모두 +5"},
    {"softmax(z + c) = softmax(z): the probabilities do not move.",
     "softmax(z + c) = softmax(z): 확률은 움직이지 않는다."},
    {"samples N", "샘플 수 N"},
    {"Draw again", "다시 뽑기"},
    {"seed %d", "seed %d"},
    {"The temperature of the soft targets and of the student's softmax in the soft term. Changing it "
     "restarts training (the teacher, the same each time, trains again).",
     "soft target과, soft 항에서 Student softmax의 온도이다. 바꾸면 학습이 다시 시작된다(매번 같은 "
     "Teacher가 다시 학습한다)."},
    {"Weight of the soft term; 1 - alpha goes to the hard labels. alpha = 0 makes both students the same.",
     "soft 항의 가중치이다. 1 - alpha는 hard label에 간다. alpha = 0이면 두 Student가 같아진다."},
    {"transfer points", "transfer 점 수"},
    {"How many of the teacher's 1,000 labelled points the students see. With many, labels alone suffice.",
     "Teacher의 레이블된 점 1,000개 중 Student들이 보는 개수이다. 많으면 label만으로도 충분하다."},
    {"learning rate", "학습률"},
    {"Adam's step size for the teacher and both students; changing it restarts training. Far too large "
     "and the loss becomes NaN: training stops and says so.",
     "Teacher와 두 Student에 쓰는 Adam의 step 크기이다. 바꾸면 학습이 다시 시작된다. 너무 크면 loss가 "
     "NaN이 된다: 학습이 멈추고 그렇다고 알려 준다."},
    {"New data seed", "새 데이터 seed"},
    {"bins", "구간 수"},
    {"New calibration seed", "새 보정 seed"},

    // The Logits tab.
    {"entropy H = %.3f nats", "엔트로피 H = %.3f nats"},
    {"(0 for one-hot; log K = %.3f for uniform)", "(one-hot이면 0, 균등이면 log K = %.3f)"},
    {"largest probability %.3f", "최대 확률 %.3f"},
    {"p(1st) / p(2nd) = %.4g", "p(1위) / p(2위) = %.4g"},
    {"The ratio of the two largest probabilities is exp((z_1st - z_2nd) / T): every ratio of softmax outputs "
     "depends on logit differences divided by T, so T stretches or squeezes them all alike.",
     "가장 큰 두 확률의 비는 exp((z_1st - z_2nd) / T)이다. softmax 출력의 모든 비는 logit 차이를 T로 나눈 "
     "값에만 의존하므로, T는 이 비들을 모두 똑같이 늘리거나 줄인다."},
    {"between the limits", "두 극한 사이"},
    {"near T -> 0: almost all mass on the largest logit (argmax, one-hot)",
     "T -> 0 근처: 거의 모든 확률이 가장 큰 logit에 있다 (argmax, one-hot)"},
    {"large T: close to uniform, 1/K each (T -> infinity)", "큰 T: 균등에 가깝다, 각각 1/K (T -> 무한대)"},
    {"T = 1: the plain softmax", "T = 1: 보통의 softmax"},
    {"Limits: T -> 0 gives a one-hot vector at the argmax (H -> 0); T = 1 is the ordinary softmax; "
     "T -> infinity gives the uniform distribution (H -> log K). The order of the probabilities never "
     "changes, only how far apart they are. The orange bars are the fraction of N samples drawn from p that "
     "fell on each class: at low T nearly every draw is the top class.",
     "극한: T -> 0이면 argmax 위치의 one-hot 벡터가 된다(H -> 0). T = 1은 보통의 softmax이다. T -> 무한대이면 "
     "균등 분포가 된다(H -> log K). 확률의 순서는 절대 바뀌지 않고, 서로 얼마나 떨어져 있는지만 바뀐다. 주황 "
     "막대는 p에서 뽑은 N개 샘플 중 각 클래스에 떨어진 비율이다: T가 낮으면 거의 모든 샘플이 1위 클래스이다."},
    {"logits z (drag the bars)", "logits z (막대를 드래그)"},
    {"softmax(z / T) at T = %.3g   and %d samples", "T = %.3g의 softmax(z / T)   그리고 샘플 %d개"},
    {"uniform 1/K", "균등 1/K"},
    {"probability", "확률"},
    {"fraction of samples", "샘플 비율"},
    {"entropy H(T) in nats (click to set T)", "엔트로피 H(T), nats (클릭하면 T 설정)"},

    // The Language model tab.
    {"new line", "줄바꿈"},
    {"space", "공백"},
    {"T -> 0 (greedy)", "T -> 0 (greedy)"},
    {"T = %.2f (slider)", "T = %.2f (슬라이더)"},
    {"prompt", "프롬프트"},
    {"The model reads the prompt character by character, then writes on from there. Its alphabet is "
     "printable ASCII (letters, digits, punctuation, space); it learned from Pride and Prejudice.",
     "모델은 프롬프트를 한 글자씩 읽은 뒤 그 뒤를 이어 쓴다. 알파벳은 출력 가능한 ASCII(영문자, 숫자, 문장 "
     "부호, 공백)이고, Pride and Prejudice(오만과 편견)로 학습했다."},
    {"length", "길이"},
    {"Regenerate", "다시 생성"},
    {"Only printable ASCII characters (no accents, no line breaks); the model keeps the last valid prompt.",
     "출력 가능한 ASCII 문자만 쓸 수 있다(한글, 악센트, 줄바꿈 불가). 모델은 마지막으로 유효했던 프롬프트를 "
     "쓴다."},
    {"sampling...", "샘플링 중..."},
    {"Next character at T = %.2f", "T = %.2f에서 다음 문자"},
    {"softmax(z / T) over the model's logits z for the character after the prompt. Small T piles the "
     "probability on the top character (greedy decoding in the limit); large T spreads it towards uniform. "
     "The thin white marks show T = 1, the model's own distribution.",
     "프롬프트 다음 문자에 대한 모델 logits z의 softmax(z / T)이다. T가 작으면 확률이 1위 문자에 몰린다(극한에서 "
     "greedy decoding). T가 크면 균등 분포 쪽으로 퍼진다. 가는 흰 표시는 T = 1, 즉 모델 자신의 분포이다."},
    {"entropy %.2f bits (uniform: %.2f)", "엔트로피 %.2f bits (균등: %.2f)"},
    {"no training yet", "아직 학습 전"},
    {"step %d", "step %d"},
    {"Train more in the browser", "브라우저에서 더 학습"},
    {"Continues training the model on the book's first 90%, a small chunk (8 streams x 16 characters, "
     "truncated backpropagation through time) per step, with Adam. The held-out loss is the mean "
     "-log p(next character) in nats on the last 10%, which training never sees.",
     "책의 앞 90%로 모델을 Adam으로 계속 학습한다. step마다 작은 chunk 하나(8 stream x 16 문자, truncated "
     "backpropagation through time)를 쓴다. held-out loss는 학습이 보지 않는 마지막 10%에서 잰 평균 "
     "-log p(다음 문자)이고, 단위는 nats이다."},
    {"Training and the held-out loss need the text: %s", "학습과 held-out loss에는 텍스트가 필요하다: %s"},
    {"loading the text", "텍스트 불러오는 중"},
    {"Pause training", "학습 일시정지"},
    {"Train more", "더 학습"},
    {"Adam's step size. The shipped model has converged for its size (it ended its training at 0.0003 "
     "with 32 streams per step): more training lowers the training loss while the held-out loss barely "
     "moves, or rises at large rates (overfitting, and noisier gradients from the browser's small chunks).",
     "Adam의 step 크기이다. 제공된 모델은 그 크기에서 이미 수렴했다(step당 32 stream, 학습률 0.0003으로 학습을 "
     "마쳤다). 더 학습하면 학습 loss는 내려가지만 held-out loss는 거의 움직이지 않거나, 학습률이 크면 오히려 "
     "오른다(과적합, 그리고 브라우저의 작은 chunk에서 오는 더 noisy한 gradient)."},
    {"Reset to shipped weights", "제공된 가중치로 복원"},
    {"Start from random", "랜덤 초기화로 시작"},
    {"Forget the shipped weights and watch the model learn the book from nothing: the continuations go "
     "from noise to letters, words and punctuation within a minute or two. The link keeps this choice "
     "(lm_start=random), not the trained weights.",
     "제공된 가중치를 버리고 모델이 책을 처음부터 배우는 것을 본다: 1~2분 안에 이어 쓴 글이 잡음에서 글자, "
     "단어, 문장 부호로 바뀐다. 링크는 이 선택(lm_start=random)을 기억하지만, 학습된 가중치는 기억하지 않는다."},
    {"Training stopped: %s", "학습이 멈췄다: %s"},
    {"held-out loss %.3f nats/char (%.2f bits)", "held-out loss %.3f nats/문자 (%.2f bits)"},
    {"shipped: %.3f", "제공 모델: %.3f"},
    {"held-out loss: measuring...", "held-out loss: 재는 중..."},
    {"training loss %.3f (moving average)", "학습 loss %.3f (이동 평균)"},
    {"training loss: not trained here yet", "학습 loss: 아직 여기서 학습하지 않았다"},
    {"measuring the held-out loss", "held-out loss 재는 중"},
    {"The language model could not be loaded.", "언어 모델을 불러오지 못했다."},
    {"loading the language model", "언어 모델 불러오는 중"},

    // The Distillation tab.
    {"Train", "학습"},
    {"Restart", "다시 시작"},
    {"1. the teacher learns from 1,000 points", "1. Teacher가 점 1,000개로 학습한다"},
    {"2. the students learn", "2. Student들이 학습한다"},
    {"done", "완료"},
    {"Training stopped: %s. Lower the learning rate to train again.",
     "학습이 멈췄다: %s. 다시 학습하려면 학습률을 낮춘다."},
    {"teacher 2-64-64-3, %d labelled points: step %ld of %d", "Teacher 2-64-64-3, 레이블된 점 %d개: step %ld / %d"},
    {"teacher 2-64-64-3, %d labelled points: test accuracy %.1f%%",
     "Teacher 2-64-64-3, 레이블된 점 %d개: test 정확도 %.1f%%"},
    {"The teacher is barely better than chance (%.0f%%): with this learning rate Adam's steps are too large "
     "for it to learn, and its soft targets carry nothing. Lower the learning rate.",
     "Teacher가 우연 수준(%.0f%%)보다 거의 낫지 않다: 이 학습률에서는 Adam의 step이 너무 커서 학습하지 못하고, "
     "soft target에 담긴 정보가 없다. 학습률을 낮춘다."},
    {"students 2-32-32-3, the first %d points:", "Student 2-32-32-3, 처음 %d개 점:"},
    {"hard labels %.1f%%", "hard label %.1f%%"},
    {"distilled %.1f%%", "증류 %.1f%%"},
    {"hard-label student", "hard label Student"},
    {"distilled student", "증류된 Student"},
    {"test accuracy of the students (1,000 test points)", "Student들의 test 정확도 (test 점 1,000개)"},
    {"teacher", "Teacher"},
    {"Press Train: the teacher learns first, then the students.",
     "학습을 누른다: Teacher가 먼저 학습하고, 그다음 Student들이 학습한다."},
    {"The teacher is learning.", "Teacher가 학습 중이다."},
    {"label", "레이블"},
    {"teacher, T = 1", "Teacher, T = 1"},
    {"teacher, kd T = %.3g", "Teacher, kd T = %.3g"},
    {"targets for the ringed point", "동그라미 친 점의 target"},
    {"(after the teacher is trained)", "(Teacher 학습 후)"},
    {"class %d", "클래스 %d"},
    {"teacher; transfer set (click a point)", "Teacher; transfer set (점을 클릭)"},

    // The Calibration tab.
    {"A 2-%d-%d-%d ReLU network trained for %d steps on %d noisy points of %d overlapping blobs has fitted "
     "its training set and is over-confident on new points. One temperature T is fitted on %d held-out "
     "validation points (minimum NLL); ECE is measured on %d test points.",
     "2-%d-%d-%d ReLU 네트워크를 %d step 동안 noisy 점 %d개(겹치는 blob %d개)로 학습했다. 이 네트워크는 학습 "
     "데이터에 딱 맞춰져서 새 점에서는 over-confident하다. 온도 T 하나를 held-out validation 점 %d개로 "
     "맞추고(NLL 최소), ECE는 test 점 %d개로 잰다."},
    {"Training stopped: %s.", "학습이 멈췄다: %s."},
    {"training the classifier", "분류기 학습 중"},
    {"test accuracy %.1f%% (the same at every T)   fitted T = %.3f   NLL %.3f -> %.3f",
     "test 정확도 %.1f%% (모든 T에서 같다)   맞춘 T = %.3f   NLL %.3f -> %.3f"},
    {"at the slider's T = %.3g: test ECE %.4f (drag T or click the NLL curve)",
     "슬라이더의 T = %.3g: test ECE %.4f (T를 끌거나 NLL 곡선을 클릭)"},
    {"before (T = 1)", "보정 전 (T = 1)"},
    {"after (T = %.2f)", "보정 후 (T = %.2f)"},
    {"accuracy per confidence bin; red: the gap", "confidence 구간별 정확도; 빨강: 차이"},
    {"mean NLL on the validation set against T (log axis; click to set the slider T, orange line)",
     "T에 따른 validation set의 평균 NLL (로그 축; 클릭하면 슬라이더 T 설정, 주황 선)"},
    {"fitted T", "맞춘 T"},

    // The Notes tab (the formulas stay as they are).
    {"Softmax with a temperature", "온도가 있는 Softmax"},
    {"Dividing by T scales every logit difference. T -> 0 sends the largest logit's share to 1 (argmax, "
     "H -> 0); T = 1 is the usual softmax; T -> infinity makes all differences vanish (uniform 1/K, "
     "H -> log K). Adding a constant to every logit changes nothing. Computed stably as "
     "exp((z_i - max z) / T) / sum_k exp((z_k - max z) / T).",
     "T로 나누면 모든 logit 차이가 같은 비율로 늘거나 준다. T -> 0이면 가장 큰 logit의 몫이 1로 간다(argmax, "
     "H -> 0). T = 1은 보통의 softmax이다. T -> 무한대이면 모든 차이가 사라진다(균등 1/K, H -> log K). 모든 "
     "logit에 같은 상수를 더해도 아무것도 바뀌지 않는다. 수치적으로 안정하게 "
     "exp((z_i - max z) / T) / sum_k exp((z_k - max z) / T)로 계산한다."},
    {"Sampling from a language model", "언어 모델에서 샘플링"},
    {"A language model's next-token distribution is a softmax of its logits. Sampling at low T repeats the "
     "likeliest continuations (greedy decoding at T -> 0); at high T it takes rare, often wrong, characters. "
     "The Language model tab uses the slider's T.",
     "언어 모델의 다음 token 분포는 logits의 softmax이다. 낮은 T로 샘플링하면 가장 그럴듯한 이어쓰기를 "
     "반복한다(T -> 0에서 greedy decoding). 높은 T에서는 드물고 자주 틀리는 문자를 고른다. 언어 모델 탭은 "
     "슬라이더의 T를 쓴다."},
    {"Knowledge distillation (Hinton, Vinyals & Dean 2015)",
     "Knowledge Distillation (지식 증류, Hinton, Vinyals & Dean 2015)"},
    {"t are the teacher's logits, s the student's, y the labels. At T > 1 the teacher's wrong-class "
     "probabilities, tiny at T = 1, become visible: which classes a point resembles (\"dark knowledge\"). "
     "The soft term's gradient shrinks as 1/T^2, hence the factor T^2. The student is deployed at T = 1. "
     "Here the students see only the first few of the teacher's labelled points: the hard-label student can "
     "only guess the boundaries between them; the distilled one learns how close each point is to the other "
     "classes. The distillation temperature kd_T is separate from the slider, because changing it restarts "
     "training.",
     "t는 Teacher의 logits, s는 Student의 logits, y는 label이다. T > 1이면 T = 1에서는 아주 작던 Teacher의 "
     "오답 클래스 확률이 보이게 된다: 한 점이 어떤 클래스들을 닮았는지이다(\"dark knowledge\"). soft 항의 "
     "gradient는 1/T^2로 줄어들기 때문에 T^2를 곱한다. Student는 T = 1로 배포한다. 여기서 Student들은 "
     "Teacher의 레이블된 점 중 처음 몇 개만 본다: hard label Student는 점들 사이의 경계를 추측할 수밖에 없고, "
     "증류된 Student는 각 점이 다른 클래스에 얼마나 가까운지를 배운다. 증류 온도 kd_T는 슬라이더와 따로인데, "
     "바꾸면 학습이 다시 시작되기 때문이다."},
    {"Calibration and temperature scaling (Guo et al. 2017)",
     "Calibration(보정)과 temperature scaling (Guo et al. 2017)"},
    {"conf is the largest probability, B_m the predictions whose confidence falls in bin m. A network that "
     "fits its training set well keeps pushing its logits apart, so its confidence outruns its accuracy on "
     "new data; T* > 1 undoes this. One T leaves the argmax, hence the accuracy, unchanged. The NLL is "
     "convex in 1/T, so a one-dimensional search finds T*.",
     "conf는 가장 큰 확률이고, B_m은 confidence가 구간 m에 드는 예측들이다. 학습 데이터를 잘 맞히는 "
     "네트워크는 logits를 계속 벌리기 때문에, 새 데이터에서 confidence가 정확도를 앞지른다. T* > 1이 이를 "
     "되돌린다. T 하나는 argmax를, 따라서 정확도를 바꾸지 않는다. NLL은 1/T에 대해 convex이므로 1차원 탐색으로 "
     "T*를 찾는다."},
};

}  // namespace

KoreanTable temperature_korean() { return {"softmax temperature demo", kRows, sizeof kRows / sizeof kRows[0]}; }

}  // namespace i18n
