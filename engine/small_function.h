// A move-only callable that keeps a small closure inside itself.
//
// Every op records one backward closure per step. As a std::function, each
// closure larger than two pointers (affine's captures x, w, b and its sizes)
// was a heap allocation and a free per op per step; callgrind on a 2-8-8-1
// training step put malloc, free and the handler at about 8% of its
// instructions (issue 15). Closures up to kInlineBytes live in the object;
// larger ones (a concat's list of parts) are boxed on the heap as before.
#pragma once

#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

template <typename Signature>
class SmallFunction;

template <typename R, typename... Args>
class SmallFunction<R(Args...)> {
 public:
  static constexpr size_t kInlineBytes = 96;

  SmallFunction() = default;
  SmallFunction(std::nullptr_t) {}  // NOLINT: as std::function, nullptr is "no callable"
  template <typename F, typename = std::enable_if_t<!std::is_same_v<std::decay_t<F>, SmallFunction> &&
                                                    !std::is_same_v<std::decay_t<F>, std::nullptr_t>>>
  SmallFunction(F&& f) {  // NOLINT: implicit, so a lambda passes where a SmallFunction is expected
    using Closure = std::decay_t<F>;
    if constexpr (fits_inline<Closure>()) {
      new (storage_) Closure(std::forward<F>(f));
      ops_ = &kInlineOps<Closure>;
    } else {
      new (storage_) Closure*(new Closure(std::forward<F>(f)));
      ops_ = &kBoxedOps<Closure>;
    }
  }
  SmallFunction(SmallFunction&& other) noexcept { take(other); }
  SmallFunction& operator=(SmallFunction&& other) noexcept {
    if (this != &other) {
      reset();
      take(other);
    }
    return *this;
  }
  SmallFunction(const SmallFunction&) = delete;
  SmallFunction& operator=(const SmallFunction&) = delete;
  ~SmallFunction() { reset(); }

  explicit operator bool() const { return ops_ != nullptr; }
  R operator()(Args... args) { return ops_->call(storage_, std::forward<Args>(args)...); }

  void reset() {
    if (ops_ && ops_->destroy) ops_->destroy(storage_);
    ops_ = nullptr;
  }

 private:
  struct Ops {
    R (*call)(void* storage, Args&&... args);
    void (*move_to)(void* from, void* to);  // leaves `from` destroyed; null: copy the bytes
    void (*destroy)(void* storage);         // null: nothing to destroy
  };
  // Most backward closures hold only Vars, sizes and function pointers: those
  // move as bytes and need no destructor, with no indirect call for either.
  template <typename Closure>
  static constexpr bool plain_bytes = std::is_trivially_copyable_v<Closure> && std::is_trivially_destructible_v<Closure>;

  template <typename Closure>
  static constexpr bool fits_inline() {
    return sizeof(Closure) <= kInlineBytes && alignof(Closure) <= alignof(std::max_align_t) &&
           std::is_nothrow_move_constructible_v<Closure>;
  }

  template <typename Closure>
  static Closure& inline_closure(void* storage) {
    return *std::launder(static_cast<Closure*>(storage));
  }
  template <typename Closure>
  static Closure*& boxed_closure(void* storage) {
    return *std::launder(static_cast<Closure**>(storage));
  }

  template <typename Closure>
  static void move_inline(void* from, void* to) {
    new (to) Closure(std::move(inline_closure<Closure>(from)));
    inline_closure<Closure>(from).~Closure();
  }
  template <typename Closure>
  static void destroy_inline(void* s) {
    inline_closure<Closure>(s).~Closure();
  }
  template <typename Closure>
  static inline const Ops kInlineOps{
      [](void* s, Args&&... args) -> R { return inline_closure<Closure>(s)(std::forward<Args>(args)...); },
      plain_bytes<Closure> ? nullptr : &move_inline<Closure>, plain_bytes<Closure> ? nullptr : &destroy_inline<Closure>};

  template <typename Closure>
  static inline const Ops kBoxedOps{
      [](void* s, Args&&... args) -> R { return (*boxed_closure<Closure>(s))(std::forward<Args>(args)...); },
      [](void* from, void* to) { new (to) Closure*(boxed_closure<Closure>(from)); },
      [](void* s) { delete boxed_closure<Closure>(s); }};

  void take(SmallFunction& other) {
    if (!other.ops_) return;
    if (other.ops_->move_to)
      other.ops_->move_to(other.storage_, storage_);
    else
      std::memcpy(storage_, other.storage_, kInlineBytes);
    ops_ = other.ops_;
    other.ops_ = nullptr;
  }

  alignas(std::max_align_t) unsigned char storage_[kInlineBytes];
  const Ops* ops_ = nullptr;
};
