// Korean for the shell, the link codec's notices and words every demo shares
// (issue 14; how to write it: demos/i18n/korean_tables.h).
#include "demos/i18n/korean_tables.h"

namespace i18n {
namespace {

constexpr KoreanRow kRows[] = {
    // app/shell.cpp
    {"Deep-learning playground", "딥러닝 플레이그라운드"},
    {"runs on your machine", "내 컴퓨터에서 실행된다"},
    {"Language", "언어"},
    {"한국어", "한국어"},
    {"Demos", "데모 목록"},
    {"Copy link", "링크 복사"},
    {"Copy embed code", "임베드 코드 복사"},
    {"Save view", "화면 저장"},
    {"Reset", "초기화"},
    {"unknown demo %s; showing %s", "없는 데모 %s, 대신 %s를 보여 준다"},
    {"Part of the link was ignored:", "링크의 일부를 무시했다:"},
    {"Dismiss", "닫기"},
    {"... and %d more", "... 외 %d개"},
    {"Share", "공유"},
    {"Copied to the clipboard.", "클립보드에 복사했다."},
    {"The browser did not allow copying here; select the text and press Ctrl+C.",
     "브라우저가 여기서 복사를 막았다. 글을 선택하고 Ctrl+C를 누른다."},
    {"Copying...", "복사하는 중..."},
    {"Close", "닫기"},
    {"How it works", "원리"},
    {"Show controls", "설정 열기"},
    {"Hide controls", "설정 닫기"},
    // app/url_state.cpp
    {"link state too long (%zu characters); ignored", "링크 상태가 너무 길어(%zu자) 무시했다"},
    {"too many entries; ignored after %zu", "항목이 너무 많아 %zu개 이후는 무시했다"},
    {"ignored %s (no value)", "%s 무시(값 없음)"},
    {"ignored bad key %s", "잘못된 key %s 무시"},
    {"ignored %s (bad escape in value)", "%s 무시(값의 escape가 잘못됨)"},
    {"unknown key %s", "모르는 key %s"},
    {"bad value %s=%s (using %s)", "잘못된 값 %s=%s (%s 사용)"},
    {"unknown language %s (lang= takes en or ko)", "모르는 언어 %s (lang=은 en 또는 ko)"},
    // Words every demo's controls share: one translation for all of them.
    {"Play", "재생"},
    {"Pause", "일시 정지"},
    {"Step", "한 단계"},
};

}  // namespace

KoreanTable shell_korean() { return {"shell", kRows, sizeof kRows / sizeof kRows[0]}; }

}  // namespace i18n
