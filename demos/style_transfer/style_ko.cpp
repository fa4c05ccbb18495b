// Korean for the style transfer demo (issue 14; how to write it: demos/i18n/korean_tables.h).
#include "demos/i18n/korean_tables.h"

namespace i18n {
namespace {

constexpr KoreanRow kRows[] = {
    {"Neural style transfer", "Neural style transfer"},
    {"Neural style transfer paints one picture in the manner of another. A fixed network (the loss network) "
     "describes pictures by its feature maps: their values say what is where (content), and the inner products of "
     "its channels, the Gram matrices, say which features occur together anywhere (style). Optimise changes the "
     "output's pixels until its features match the content photo and its Gram matrices match the style (Gatys et "
     "al. 2016); Fast runs a network trained to do that in one pass (Johnson et al. 2016); Inside shows the feature "
     "maps and Gram matrices themselves.",
     "Neural style transfer(스타일 변환)는 한 그림을 다른 그림의 화풍으로 다시 그린다. 고정된 신경망(loss "
     "network)이 그림을 Feature map으로 나타낸다. 그 값은 무엇이 어디에 있는지(콘텐츠)를 말하고, 채널끼리의 "
     "내적인 Gram matrix는 어떤 특징이 위치와 상관없이 함께 나타나는지(스타일)를 말한다. 최적화 탭은 출력의 "
     "Feature가 콘텐츠 사진과, Gram matrix가 스타일과 같아질 때까지 출력의 픽셀을 바꾼다(Gatys et al. 2016). "
     "빠른 변환 탭은 이것을 한 번의 forward pass로 하도록 학습된 신경망을 쓴다(Johnson et al. 2016). 내부 탭은 "
     "Feature map과 Gram matrix 자체를 보여 준다."},

    // Tabs.
    {"Optimise", "최적화"},
    {"Fast", "빠른 변환"},
    {"Inside", "내부"},
    {"Notes", "노트"},
    {"loading the pictures", "그림을 불러오는 중"},
    // Before a background job's own message, which stays English (it is built in the job's worker).
    {"The background job failed: %s", "백그라운드 작업 실패: %s"},

    // The two pictures.
    {"content", "콘텐츠"},
    {"style", "스타일"},
    {"output", "출력"},
    {"your file: %s", "내 파일: %s"},
    {"photos", "사진"},
    {"styles", "스타일"},
    {"Open your own picture...", "내 그림 열기..."},
    {"Or drop an image file on the page, or paste one. It is decoded with limits on size and memory and shrunk to "
     "the working size; a bad file gets a message and the current pictures stay. Your own picture cannot travel in "
     "a link: a shared link opens the built-in picture named in it.",
     "이미지 파일을 페이지에 끌어다 놓거나 붙여 넣어도 된다. 크기와 메모리에 제한을 두고 디코딩한 뒤 작업 "
     "크기로 줄인다. 잘못된 파일이면 메시지가 나오고 지금 그림은 그대로 남는다. 내 그림은 링크에 담기지 "
     "않는다. 공유한 링크는 그 안에 이름이 적힌 내장 그림을 연다."},
    {"new pictures go to", "새 그림을 넣을 곳"},
    {"The link keeps the built-in pictures, not your file.", "링크에는 내 파일이 아니라 내장 그림이 남는다."},
    {"No built-in image called \"%s\".", "\"%s\"라는 내장 이미지는 없다."},
    {"The current pictures are kept.", "지금 그림은 그대로 둔다."},

    // Built-in pictures (docs/style-images.md).
    {"Astronaut (Eileen Collins)", "우주비행사 (Eileen Collins)"},
    {"Chelsea the cat", "고양이 Chelsea"},
    {"Coffee", "커피"},
    {"Rocket launch", "로켓 발사"},
    {"Fruits", "과일"},
    {"Building", "건물"},
    {"Butterfly", "나비"},
    {"The Starry Night (van Gogh)", "별이 빛나는 밤 (van Gogh)"},
    {"Brick", "벽돌"},
    {"Grass", "잔디"},
    {"Gravel", "자갈"},
    {"Leopard", "표범"},
    {"Pink marble", "분홍 대리석"},
    {"Wood", "나무결"},
    {"Starfield", "별밭"},
    {"Burlap", "삼베"},
    {"Lightning", "번개"},
    {"Swirls (procedural)", "소용돌이 (절차적 생성)"},
    {"Stained glass (procedural)", "스테인드글라스 (절차적 생성)"},
    {"painted by our code from a seed", "이 프로그램의 코드가 seed로부터 그렸다"},

    // Optimise tab: controls.
    {"Resume", "계속"},
    {"Start over", "처음부터"},
    {"Presets:", "프리셋:"},
    {"Style transfer", "Style transfer"},
    {"Content at relu3_2, style as Gram matrices at relu1_1 ... relu4_1, from the content image.",
     "콘텐츠는 relu3_2에서, 스타일은 relu1_1 ... relu4_1의 Gram matrix로 맞추고, 콘텐츠 이미지에서 시작한다."},
    {"Texture synthesis", "텍스처 합성"},
    {"No content term: from noise, match only the style's Gram matrices. Layout is free, so the texture is new, not "
     "a copy.",
     "콘텐츠 항이 없다. 노이즈에서 시작해 스타일의 Gram matrix만 맞춘다. 배치는 자유이므로 텍스처는 복사본이 "
     "아니라 새로 만들어진다."},
    {"What a layer keeps", "레이어가 간직하는 것"},
    {"No style term: from noise, reconstruct one layer's feature maps. Shallow layers keep the pixels; deep layers "
     "keep the layout and lose the exact colours and detail.",
     "스타일 항이 없다. 노이즈에서 시작해 한 레이어의 Feature map을 복원한다. 얕은 레이어는 픽셀을 간직하고, "
     "깊은 레이어는 배치만 간직하고 정확한 색과 세부는 잃는다."},
    {"Feature loss from a blurred start", "흐린 시작에서의 Feature loss"},
    {"Start from the content shrunk 4x and enlarged, and match its relu2_2 features: the feature loss of "
     "super-resolution networks (Johnson et al. 2016) puts edges and texture back.",
     "콘텐츠를 4배 줄였다가 다시 키운 그림에서 시작해 relu2_2 Feature를 맞춘다. 초해상도 신경망의 Feature "
     "loss(Johnson et al. 2016)가 경계와 텍스처를 되살린다."},
    {"random weights", "랜덤 가중치"},
    {"trained classifier", "학습된 분류기"},
    {"loss network", "Loss network"},
    {"Both have the same VGG-like shape. \"random\", the default chosen by measurement, has He-initialised weights "
     "rescaled so that each layer's mean activation is 1 (He, Wang & Hopcroft 2016). The classifier was trained by "
     "this playground's engine to tell apart crops of about 70 pictures. docs/style-transfer.md compares them.",
     "둘 다 VGG와 비슷한 같은 구조이다. 측정으로 고른 기본값인 \"random\"은 He 초기화 가중치를 각 레이어의 "
     "평균 활성값이 1이 되도록 다시 스케일한 것이다(He, Wang & Hopcroft 2016). 분류기는 이 플레이그라운드의 "
     "엔진으로 약 70장 그림의 crop을 구별하도록 학습했다. docs/style-transfer.md에서 둘을 비교한다."},
    {"the content photo", "콘텐츠 사진"},
    {"noise", "노이즈"},
    {"a blurred copy", "흐린 사본"},
    {"optimiser", "옵티마이저"},
    {"L-BFGS (Gatys et al.'s choice) builds a picture of the curvature from its last 10 gradients and searches along "
     "its direction; Adam takes plain adaptive steps of size lr.",
     "L-BFGS(Gatys et al.의 선택)는 최근 10개의 gradient로 곡률을 어림하고 그 방향으로 탐색한다. Adam은 크기 "
     "lr의 단순한 적응적 step을 밟는다."},
    {"lr", "학습률"},
    {"size", "크기"},
    {"The longer side of the pictures, in pixels. Time per iteration grows with the number of pixels: 128-256 suits "
     "a browser.",
     "그림의 긴 변의 픽셀 수이다. 반복 한 번의 시간은 픽셀 수에 따라 늘어난다. 브라우저에는 128-256이 알맞다."},
    {"content layer", "콘텐츠 레이어"},
    {"Where the content is compared. Shallow layers keep the exact pixels; deep layers only where things are.",
     "콘텐츠를 비교하는 곳이다. 얕은 레이어는 정확한 픽셀을, 깊은 레이어는 무엇이 어디 있는지만 간직한다."},
    {"style layers and their weights", "스타일 레이어와 가중치"},
    {"Shallow layers carry colour and fine grain; deeper ones larger strokes and shapes. 0 leaves a layer out.",
     "얕은 레이어는 색과 고운 결을, 깊은 레이어는 더 큰 붓질과 모양을 담는다. 0이면 그 레이어는 빠진다."},
    {"content weight", "콘텐츠 가중치"},
    {"style weight", "스타일 가중치"},
    {"alpha and beta of L = alpha L_content + beta L_style + gamma TV. Only their ratio matters for the result; "
     "Gatys et al. sweep alpha/beta from 1e-5 to 1e-2.",
     "L = alpha L_content + beta L_style + gamma TV의 alpha와 beta이다. 결과에는 둘의 비율만 중요하다. Gatys "
     "et al.은 alpha/beta를 1e-5부터 1e-2까지 바꿔 본다."},
    {"TV weight", "TV 가중치"},
    {"the style's", "스타일의 색"},
    {"the content's (luminance only)", "콘텐츠의 색 (휘도만)"},
    {"the content's (matched style)", "콘텐츠의 색 (스타일 색 맞춤)"},
    {"colours", "색"},
    {"Gatys et al. 2017: luminance only optimises brightness and keeps the photo's colours; matching shifts the style "
     "picture's colours to the photo's mean and covariance first.",
     "Gatys et al. 2017: 휘도만은 밝기만 최적화하고 사진의 색을 유지한다. 색 맞춤은 먼저 스타일 그림의 색을 "
     "사진의 평균과 공분산에 맞춘다."},
    {"iterations", "반복 횟수"},

    // Optimise tab: the view.
    {"output, iteration %d", "출력, 반복 %d"},
    {"loading the loss network", "Loss network를 불러오는 중"},
    {"content %.4g   style %.4g   TV %.4g   total %.4g", "콘텐츠 %.4g   스타일 %.4g   TV %.4g   합계 %.4g"},
    {"Each term before its weight: the content and style terms are relative errors (1 = as far as a black picture), "
     "TV the mean squared neighbour difference. total = alpha content + beta style + gamma TV is what the optimiser "
     "lowers.",
     "가중치를 곱하기 전의 각 항이다. 콘텐츠 항과 스타일 항은 상대 오차이고(1 = 검은 그림만큼 멀다), TV는 이웃 "
     "픽셀 차이의 제곱 평균이다. 옵티마이저가 낮추는 것은 합계 = alpha 콘텐츠 + beta 스타일 + gamma TV이다."},
    {"  %.2f iterations/s, in the background", "  초당 %.2f회 반복, 백그라운드에서"},
    {"finished", "완료"},
    {"Save PNG", "PNG 저장"},
    {"loss terms per iteration, before their weights (log scale)", "반복별 Loss 항, 가중치 곱하기 전 (로그 스케일)"},
    {"no iterations yet", "아직 반복 없음"},
    {"%zu iterations", "반복 %zu회"},

    // Fast tab.
    {"Your own style", "나만의 스타일"},
    {"One network holds the shipped styles: they share every convolution and differ only in the scale and shift of "
     "each instance normalisation (Dumoulin et al. 2017). \"Your own style\" is the network you train below.",
     "신경망 하나에 기본 스타일이 모두 들어 있다. 스타일들은 모든 합성곱을 함께 쓰고 각 instance normalisation의 "
     "scale과 shift만 다르다(Dumoulin et al. 2017). \"나만의 스타일\"은 아래에서 직접 학습하는 신경망이다."},
    {"blend with", "섞을 스타일"},
    {"blend", "섞기"},
    {"Mixes the two styles' normalisation parameters: (1 - blend) * first + blend * second. Every in-between value is "
     "a style the network was never trained on.",
     "두 스타일의 정규화 파라미터를 섞는다: (1 - blend) * 첫째 + blend * 둘째. 중간의 모든 값은 신경망이 한 번도 "
     "학습하지 않은 스타일이다."},
    {"strength", "세기"},
    {"strength * stylised + (1 - strength) * content, pixel by pixel.",
     "픽셀마다 strength * 변환 결과 + (1 - strength) * 콘텐츠이다."},
    {"Train your own style", "나만의 스타일 학습"},
    {"steps", "step 수"},
    {"A smaller network (8-16-32 channels) learns the style picture now chosen, from crops of the content picture, one "
     "Adam step at a time in the background.",
     "더 작은 신경망(8-16-32 채널)이 지금 고른 스타일 그림을 콘텐츠 그림의 crop으로 학습한다. 백그라운드에서 "
     "Adam step을 하나씩 밟는다."},
    {"Restart training", "학습 다시 시작"},
    {"Train on the current style", "현재 스타일로 학습"},
    {"Stop", "중지"},
    {"loading the transform network", "Image Transform Net을 불러오는 중"},
    {"No network of your own yet: press \"Train on the current style\".",
     "아직 나만의 신경망이 없다: \"현재 스타일로 학습\"을 누른다."},
    {"One forward pass: %.0f ms for %d x %d (in the background job)",
     "forward pass 한 번: %.0f ms, %d x %d (백그라운드 작업)"},
    {"Honest note: the shipped network trained for 3,000 steps, under 20 minutes of one core, where Johnson et al. "
     "trained for hours on 80,000 photos. On photos it never saw it keeps as much of the content as the Optimise "
     "tab, but paints rainbow fringes more than the style's palette: its style loss is about 15 times the Optimise "
     "tab's (docs/style-transfer-fast.md).",
     "솔직한 메모: 기본 신경망은 3,000 step, 이 컴퓨터의 코어 하나로 20분이 안 되게 학습했다. Johnson et al.은 "
     "80,000장의 사진으로 몇 시간 학습했다. 본 적 없는 사진에서 콘텐츠는 최적화 탭만큼 유지하지만 스타일의 "
     "색감보다 무지개빛 테두리를 더 많이 그린다. style loss는 최적화 탭의 약 15배이다"
     "(docs/style-transfer-fast.md)."},
    {"step %d of %d", "step %d / %d"},
    {"training losses", "학습 Loss"},
    {"Leopard (GIMP pattern)", "표범 (GIMP 패턴)"},

    // Inside tab.
    {"pixels", "픽셀"},
    {"Which layer of the loss network to look at. \"pixels\" is the picture itself: its Gram matrix is 3 x 3, the "
     "inner products of the R, G and B channels.",
     "Loss network의 어느 레이어를 볼지 고른다. \"픽셀\"은 그림 그 자체이다. 그 Gram matrix는 3 x 3이고, R, G, "
     "B 채널끼리의 내적이다."},
    {"feature map", "Feature map"},
    {"Which of the layer's channels is drawn. The Gram matrix always uses all of them.",
     "레이어의 어느 채널을 그릴지 고른다. Gram matrix는 언제나 모든 채널을 쓴다."},
    {"Pause the optimisation", "최적화 일시정지"},
    {"Run the optimisation", "최적화 실행"},
    {"The output column follows the Optimise tab's run; watch its Gram matrix approach the style's.",
     "출력 열은 최적화 탭의 실행을 따라간다. 출력의 Gram matrix가 스타일의 것에 가까워지는 것을 본다."},
    {"Computing the feature maps ...", "Feature map을 계산하는 중 ..."},
    {"Layer %s: %d channels of %d x %d.  Gram matrix G = F F^T / (C H W): %d x %d.",
     "레이어 %s: %d 채널, 각 %d x %d.  Gram matrix G = F F^T / (C H W): %d x %d."},
    {"(no output yet:\nstart the optimisation)", "(아직 출력이 없다:\n최적화를 시작한다)"},
    {"feature map %d", "Feature map %d"},
    {"Gram matrix", "Gram matrix"},
    {"Output vs style at this layer: ||G_out - G_style||^2 / ||G_style||^2 = %.4g",
     "이 레이어에서 출력 대 스타일: ||G_out - G_style||^2 / ||G_style||^2 = %.4g"},
    {"Shuffle the style's positions: layout gone, Gram matrix the same",
     "스타일의 위치를 섞는다: 배치는 사라지고 Gram matrix는 그대로이다"},
    {"Every channel's values are moved to the same random positions. G_ij sums F_i(p) F_j(p) over all positions p, "
     "so the order of the positions cannot matter.",
     "모든 채널의 값을 같은 무작위 위치로 옮긴다. G_ij는 모든 위치 p에 대해 F_i(p) F_j(p)를 더하므로 위치의 "
     "순서는 상관이 없다."},
    {"style's map | shuffled | Gram of the style | Gram of the shuffled features",
     "스타일의 map | 섞은 것 | 스타일의 Gram | 섞은 Feature의 Gram"},
    {"largest |G_shuffled - G_style| = %g%s", "가장 큰 |G_shuffled - G_style| = %g%s"},
    {"  (exactly the same)", "  (완전히 같다)"},
    {"  (rounding: the sum's order changed)", "  (반올림 오차: 더하는 순서가 바뀌었다)"},

    // Notes tab.
    {"Two images, one picture (Gatys, Ecker & Bethge 2016)", "두 이미지, 한 그림 (Gatys, Ecker & Bethge 2016)"},
    {"A fixed network that was trained to recognise images (the loss network) turns every picture into feature maps "
     "F_l [C_l, H_l * W_l], one per layer. Content is what sits where: the maps themselves. Style is which features "
     "fire together, wherever they fire: the Gram matrix of the maps. The Optimise tab changes the output's pixels x "
     "until its features match the content image at one layer and its Gram matrices match the style image at "
     "several.",
     "이미지를 인식하도록 학습된 고정 신경망(loss network)은 모든 그림을 레이어마다 하나씩 Feature map F_l [C_l, "
     "H_l * W_l]로 바꾼다. 콘텐츠는 무엇이 어디에 있는지, 곧 map 그 자체이다. 스타일은 어디서든 어떤 Feature가 "
     "함께 반응하는지, 곧 map의 Gram matrix이다. 최적화 탭은 출력의 Feature가 한 레이어에서 콘텐츠 이미지와, "
     "Gram matrix가 여러 레이어에서 스타일 이미지와 같아질 때까지 출력의 픽셀 x를 바꾼다."},
    {"The losses are relative errors, so 1 means \"as far as an empty picture\" at every layer and the weights w_l "
     "compare like with like. TV, the mean squared difference of neighbouring pixels, keeps the result from turning "
     "into high-frequency noise. Gatys et al. use L-BFGS, a quasi-Newton method that builds a picture of the "
     "curvature from its last few gradients; Adam works too but needs more iterations.",
     "Loss는 상대 오차이다. 그래서 어느 레이어에서든 1은 \"빈 그림만큼 멀다\"는 뜻이고, 가중치 w_l은 같은 "
     "기준끼리 비교한다. 이웃 픽셀 차이의 제곱 평균인 TV는 결과가 고주파 노이즈가 되는 것을 막는다. Gatys et "
     "al.은 최근 몇 개의 gradient로 곡률을 어림하는 quasi-Newton 방법인 L-BFGS를 쓴다. Adam도 되지만 반복이 "
     "더 많이 필요하다."},
    {"Why the Gram matrix keeps texture and drops layout", "Gram matrix가 텍스처는 간직하고 배치는 버리는 이유"},
    {"The Inside tab shuffles an image's pixels and shows that the Gram matrix of the shuffled image is identical. "
     "Shuffling the first layer's input pixels changes deeper layers' Grams, because a 3x3 filter sees neighbours; "
     "the statement holds exactly for the positions of the layer whose Gram is taken.",
     "내부 탭은 이미지의 픽셀을 섞고, 섞은 이미지의 Gram matrix가 똑같다는 것을 보여 준다. 첫 레이어의 입력 "
     "픽셀을 섞으면 더 깊은 레이어의 Gram은 바뀐다. 3x3 필터가 이웃을 보기 때문이다. 이 성질은 Gram을 구하는 "
     "바로 그 레이어의 위치에 대해서만 정확히 성립한다."},
    {"Presets that teach", "배울 거리가 있는 프리셋"},
    {"Texture synthesis: content weight 0, start from noise: only the Gram matrices are matched, and the result is a "
     "new sample of the style's texture, not a copy. What a layer keeps: style weight 0, start from noise, match one "
     "layer's features: shallow layers give back the pixels, deep ones only the layout. Feature loss for "
     "super-resolution (Johnson et al.): start from a blurred, low-resolution copy and match shallow features of the "
     "sharp image.",
     "텍스처 합성: 콘텐츠 가중치 0, 노이즈에서 시작한다. Gram matrix만 맞추므로 결과는 스타일 텍스처의 복사본이 "
     "아니라 새 샘플이다. 레이어가 간직하는 것: 스타일 가중치 0, 노이즈에서 시작해 한 레이어의 Feature를 "
     "맞춘다. 얕은 레이어는 픽셀을 되돌려 주고, 깊은 레이어는 배치만 돌려준다. 초해상도를 위한 Feature "
     "loss(Johnson et al.): 흐린 저해상도 사본에서 시작해 선명한 이미지의 얕은 Feature를 맞춘다."},
    {"Fast networks (Johnson, Alahi & Fei-Fei 2016)", "빠른 신경망 (Johnson, Alahi & Fei-Fei 2016)"},
    {"Optimising pixels takes many forward and backward passes per image. An Image Transform Net instead learns, once "
     "per style, to produce the stylised picture in one forward pass; it is trained on many photos with the same "
     "perceptual loss as above. Instance normalisation (Ulyanov et al. 2016) makes each image's contrast irrelevant; "
     "resizing then convolving instead of transposed convolutions avoids checkerboard artifacts (Odena et al. 2016). "
     "Our networks share their convolutions across styles and keep one set of normalisation scales and shifts per "
     "style (conditional instance normalisation, Dumoulin et al. 2017).",
     "픽셀을 최적화하려면 이미지마다 forward pass와 backward pass를 여러 번 해야 한다. Image Transform Net은 "
     "대신 스타일마다 한 번, 변환된 그림을 forward pass 한 번으로 만들도록 학습한다. 위와 같은 perceptual loss로 "
     "많은 사진에서 학습한다. Instance normalisation(Ulyanov et al. 2016)은 이미지마다의 대비를 무관하게 만든다. "
     "transposed convolution 대신 크기를 바꾼 뒤 합성곱을 하면 체커보드 무늬가 생기지 않는다(Odena et al. "
     "2016). 여기의 신경망은 합성곱을 모든 스타일이 함께 쓰고, 스타일마다 정규화 scale과 shift를 한 벌씩 "
     "둔다(conditional instance normalisation, Dumoulin et al. 2017)."},
    {"The loss network here", "여기의 Loss network"},
    {"No ImageNet-trained network can be shipped or downloaded here, so the loss network is VGG-shaped and either has "
     "random weights, rescaled so every layer's mean activation is 1 (He, Wang & Hopcroft 2016 showed such networks "
     "already transfer style), or the same shape trained by this playground's engine to tell apart crops of about 70 "
     "images. docs/style-transfer.md has the measurements that chose the default.",
     "여기서는 ImageNet으로 학습한 신경망을 함께 배포하거나 내려받을 수 없다. 그래서 loss network는 VGG 모양이고, "
     "모든 레이어의 평균 활성값이 1이 되도록 다시 스케일한 랜덤 가중치를 쓰거나(He, Wang & Hopcroft 2016은 이런 "
     "신경망도 이미 스타일을 옮긴다는 것을 보였다), 같은 구조를 이 플레이그라운드의 엔진으로 약 70장 이미지의 "
     "crop을 구별하도록 학습한 것을 쓴다. 기본값을 고른 측정은 docs/style-transfer.md에 있다."},
    {"Keeping the content's colours (Gatys et al. 2017)", "콘텐츠의 색 유지하기 (Gatys et al. 2017)"},
    {"Luminance only: optimise the brightness channel Y (of YIQ) alone and put back the content's I and Q, so only the "
     "style's strokes carry over, not its palette. Histogram matching: shift the style image's colours to the "
     "content's mean and covariance before transfer.",
     "휘도만: (YIQ의) 밝기 채널 Y만 최적화하고 콘텐츠의 I와 Q를 되돌려 놓는다. 그래서 스타일의 색감이 아니라 "
     "붓질만 옮겨진다. 히스토그램 맞춤: 변환 전에 스타일 이미지의 색을 콘텐츠의 평균과 공분산에 맞춘다."},
};

}  // namespace

KoreanTable style_korean() { return {"style transfer demo", kRows, sizeof kRows / sizeof kRows[0]}; }

}  // namespace i18n
