// The matching engine: Modules/_sre/sre_lib.h (SRE(at), SRE(charset), SRE(count),
// SRE(match), SRE(search)) as one template over the subject's character width, and the
// object-free helpers of Modules/_sre/sre.c (predicates, case mappings, state_init's bounds,
// _validate).
//
// SRE(match) is a loop over explicit contexts: where CPython's macro DO_JUMP "calls" a
// sub-match it pushes a MatchContext and jumps to `entrance`; when that context ends the loop
// resumes its parent at the label named by the context's `jump`. Marks saved for backtracking
// live on State::data, REPEAT records in State::repeats. Nothing recurses on the C++ stack
// except SRE(count)'s one-character items (one level deep).
#include "modules/_sre/sre_engine.h"

#include <cctype>
#include <cstring>

#include "modules/_sre/sre_constants.h"
#include "unicode/unicodectype.h"

namespace cppy::modules::_sre {

namespace {

constexpr unsigned kCodeBits = 8 * sizeof(Code);  // SRE_CODE_BITS

// Py_ISDIGIT / Py_ISSPACE / Py_ISALNUM / Py_TOLOWER on ASCII (pyctype.h), locale-free.
inline bool ascii_digit(unsigned ch) { return ch >= '0' && ch <= '9'; }
inline bool ascii_alpha(unsigned ch) { return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'; }

// SRE_IS_DIGIT, SRE_IS_SPACE, SRE_IS_LINEBREAK, SRE_IS_WORD.
inline bool is_digit(unsigned ch) { return ascii_digit(ch); }
inline bool is_space(unsigned ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f';
}
inline bool is_linebreak(unsigned ch) { return ch == '\n'; }
inline bool is_word(unsigned ch) {
  return ch <= 'z' && (ascii_digit(ch) || ascii_alpha(ch) || ch == '_');
}
// SRE_LOC_IS_WORD: the C library's isalnum for the current LC_CTYPE, bytes only.
inline bool loc_is_word(unsigned ch) {
  return (ch < 256 && std::isalnum(static_cast<int>(ch))) || ch == '_';
}
// SRE_UNI_IS_*.
// The ASCII range answers without the database: its alphanumerics are the ASCII letters and
// digits, its decimals '0'-'9'.
inline bool uni_is_word(unsigned ch) {
  if (ch < 128) return is_word(ch);
  return unicode::is_alnum(ch);
}
inline bool uni_is_decimal(unsigned ch) {
  if (ch < 128) return ascii_digit(ch);
  return unicode::is_decimal(ch);
}

// char_loc_ignore.
inline bool char_loc_ignore(Code pattern, Code ch) {
  return ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern;
}

// SRE(at): whether ptr is at the position `at` names.
template <typename Ch>
bool at(const State& state, const Ch* ptr, Code at) {
  const Ch* beginning = static_cast<const Ch*>(state.beginning);
  const Ch* end = static_cast<const Ch*>(state.end);
  bool thisp, thatp;
  switch (at) {
    case SRE_AT_BEGINNING:
    case SRE_AT_BEGINNING_STRING:
      return ptr == beginning;
    case SRE_AT_BEGINNING_LINE:
      return ptr == beginning || is_linebreak(ptr[-1]);
    case SRE_AT_END:
      return (end - ptr == 1 && is_linebreak(ptr[0])) || ptr == end;
    case SRE_AT_END_LINE:
      return ptr == end || is_linebreak(ptr[0]);
    case SRE_AT_END_STRING:
      return ptr == end;
    case SRE_AT_BOUNDARY:
    case SRE_AT_NON_BOUNDARY:
      // An empty subject has no boundary, and (since 3.14) is a non-boundary.
      if (beginning == end) return at == SRE_AT_NON_BOUNDARY;
      thatp = ptr > beginning ? is_word(ptr[-1]) : false;
      thisp = ptr < end ? is_word(ptr[0]) : false;
      return at == SRE_AT_BOUNDARY ? thisp != thatp : thisp == thatp;
    case SRE_AT_LOC_BOUNDARY:
    case SRE_AT_LOC_NON_BOUNDARY:
      if (beginning == end) return at == SRE_AT_LOC_NON_BOUNDARY;
      thatp = ptr > beginning ? loc_is_word(ptr[-1]) : false;
      thisp = ptr < end ? loc_is_word(ptr[0]) : false;
      return at == SRE_AT_LOC_BOUNDARY ? thisp != thatp : thisp == thatp;
    case SRE_AT_UNI_BOUNDARY:
    case SRE_AT_UNI_NON_BOUNDARY:
      if (beginning == end) return at == SRE_AT_UNI_NON_BOUNDARY;
      thatp = ptr > beginning ? uni_is_word(ptr[-1]) : false;
      thisp = ptr < end ? uni_is_word(ptr[0]) : false;
      return at == SRE_AT_UNI_BOUNDARY ? thisp != thatp : thisp == thatp;
  }
  return false;
}

// SRE(charset): whether ch is in the set (the set's items end with FAILURE).
bool charset(const Code* set, Code ch) {
  bool ok = true;
  for (;;) {
    switch (*set++) {
      case SRE_OP_FAILURE:
        return !ok;
      case SRE_OP_LITERAL:  // <LITERAL> <code>
        if (ch == set[0]) return ok;
        set++;
        break;
      case SRE_OP_CATEGORY:  // <CATEGORY> <code>
        if (category(set[0], ch)) return ok;
        set++;
        break;
      case SRE_OP_CHARSET:  // <CHARSET> <256-bit bitmap>
        if (ch < 256 && (set[ch / kCodeBits] & (1u << (ch & (kCodeBits - 1))))) return ok;
        set += 256 / kCodeBits;
        break;
      case SRE_OP_RANGE:  // <RANGE> <lower> <upper>
        if (set[0] <= ch && ch <= set[1]) return ok;
        set += 2;
        break;
      case SRE_OP_RANGE_UNI_IGNORE: {  // <RANGE_UNI_IGNORE> <lower> <upper>; ch is lowered
        if (set[0] <= ch && ch <= set[1]) return ok;
        Code uch = upper_unicode(ch);
        if (set[0] <= uch && uch <= set[1]) return ok;
        set += 2;
        break;
      }
      case SRE_OP_NEGATE:
        ok = !ok;
        break;
      case SRE_OP_BIGCHARSET: {
        // <BIGCHARSET> <blockcount> <256 block indices as bytes> <blocks>
        Code count = *set++;
        ssize block = -1;
        if (ch < 0x10000u) block = reinterpret_cast<const unsigned char*>(set)[ch >> 8];
        set += 256 / sizeof(Code);
        if (block >= 0 && (set[(static_cast<size_t>(block) * 256 + (ch & 255)) / kCodeBits] &
                           (1u << (ch & (kCodeBits - 1)))))
          return ok;
        set += count * (256 / kCodeBits);
        break;
      }
      default:
        // Not produced by the compiler (validation rejects it): no match.
        return false;
    }
  }
}

// SRE(charset_loc_ignore).
bool charset_loc_ignore(const Code* set, Code ch) {
  Code lo = lower_locale(ch);
  if (charset(set, lo)) return true;
  Code up = upper_locale(ch);
  return up != lo && charset(set, up);
}

template <typename Ch>
ssize match_impl(State& state, const Code* pattern, bool toplevel);

// SRE(count): how many times (at most maxcount) the one-character item at `pattern` matches
// from state.ptr.
template <typename Ch>
ssize count(State& state, const Code* pattern, ssize maxcount) {
  const Ch* ptr = static_cast<const Ch*>(state.ptr);
  const Ch* end = static_cast<const Ch*>(state.end);
  if (maxcount < end - ptr && maxcount != static_cast<ssize>(kMaxRepeat)) end = ptr + maxcount;
  Code chr;
  switch (pattern[0]) {
    case SRE_OP_IN:
      while (ptr < end && charset(pattern + 2, *ptr)) ptr++;
      break;
    case SRE_OP_ANY:
      while (ptr < end && !is_linebreak(*ptr)) ptr++;
      break;
    case SRE_OP_ANY_ALL:
      ptr = end;
      break;
    case SRE_OP_LITERAL:
      chr = pattern[1];
      // A literal wider than the subject's characters cannot match.
      if (static_cast<Code>(static_cast<Ch>(chr)) == chr) {
        Ch c = static_cast<Ch>(chr);
        while (ptr < end && *ptr == c) ptr++;
      }
      break;
    case SRE_OP_LITERAL_IGNORE:
      chr = pattern[1];
      while (ptr < end && lower_ascii(*ptr) == chr) ptr++;
      break;
    case SRE_OP_LITERAL_UNI_IGNORE:
      chr = pattern[1];
      while (ptr < end && lower_unicode(*ptr) == chr) ptr++;
      break;
    case SRE_OP_LITERAL_LOC_IGNORE:
      chr = pattern[1];
      while (ptr < end && char_loc_ignore(chr, *ptr)) ptr++;
      break;
    case SRE_OP_NOT_LITERAL:
      chr = pattern[1];
      if (static_cast<Code>(static_cast<Ch>(chr)) != chr) {
        ptr = end;
      } else {
        Ch c = static_cast<Ch>(chr);
        while (ptr < end && *ptr != c) ptr++;
      }
      break;
    case SRE_OP_NOT_LITERAL_IGNORE:
      chr = pattern[1];
      while (ptr < end && lower_ascii(*ptr) != chr) ptr++;
      break;
    case SRE_OP_NOT_LITERAL_UNI_IGNORE:
      chr = pattern[1];
      while (ptr < end && lower_unicode(*ptr) != chr) ptr++;
      break;
    case SRE_OP_NOT_LITERAL_LOC_IGNORE:
      chr = pattern[1];
      while (ptr < end && !char_loc_ignore(chr, *ptr)) ptr++;
      break;
    default: {
      // Any other one-character item: run it as a sub-match, one character at a time.
      const Ch* start = ptr;
      while (static_cast<const Ch*>(state.ptr) < end) {
        ssize i = match_impl<Ch>(state, pattern, false);
        if (i < 0) return i;
        if (!i) break;
      }
      return static_cast<const Ch*>(state.ptr) - start;
    }
  }
  return ptr - static_cast<const Ch*>(state.ptr);
}

// Where a context resumes its parent (sre_lib.h's JUMP_* values).
enum Jump {
  kJumpNone,
  kJumpMaxUntil1,
  kJumpMaxUntil2,
  kJumpMaxUntil3,
  kJumpMinUntil1,
  kJumpMinUntil2,
  kJumpMinUntil3,
  kJumpRepeat,
  kJumpRepeatOne1,
  kJumpRepeatOne2,
  kJumpMinRepeatOne,
  kJumpBranch,
  kJumpAssert,
  kJumpAssertNot,
  kJumpPossRepeat1,
  kJumpPossRepeat2,
  kJumpAtomicGroup,
};

// SRE(match): whether the pattern matches at state.ptr. Returns <0 for an error, 0 for a
// failure, 1 for a success (state.ptr is then the end of the match).
template <typename Ch>
ssize match_impl(State& state, const Code* pattern, bool toplevel) {
  const Ch* const end = static_cast<const Ch*>(state.end);
  std::vector<MatchContext>& stack = state.contexts;
  std::vector<const void*>& data = state.data;
  ssize ret = 0;
  ssize ctx_pos;
  int jump;
  const Ch* ptr;
  MatchContext* ctx;

  // Saving and restoring marks around a sub-match that may fail (LASTMARK_*, MARK_*).
  auto lastmark_save = [&]() {
    ctx->lastmark = state.lastmark;
    ctx->lastindex = state.lastindex;
  };
  auto lastmark_restore = [&]() {
    state.lastmark = ctx->lastmark;
    state.lastindex = ctx->lastindex;
  };
  auto mark_push = [&](ssize lastmark) {
    if (lastmark >= 0)
      data.insert(data.end(), state.mark.begin(), state.mark.begin() + lastmark + 1);
  };
  auto mark_pop_keep = [&](ssize lastmark) {
    if (lastmark >= 0)
      std::memcpy(state.mark.data(), data.data() + data.size() - (lastmark + 1),
                  sizeof(const void*) * static_cast<size_t>(lastmark + 1));
  };
  auto mark_pop_discard = [&](ssize lastmark) {
    if (lastmark >= 0) data.resize(data.size() - static_cast<size_t>(lastmark + 1));
  };
  auto mark_pop = [&](ssize lastmark) {
    mark_pop_keep(lastmark);
    mark_pop_discard(lastmark);
  };

  {
    MatchContext first{};
    first.last_ctx_pos = -1;
    first.jump = kJumpNone;
    first.toplevel = toplevel;
    stack.push_back(first);
    ctx_pos = static_cast<ssize>(stack.size()) - 1;
    ctx = &stack.back();
  }

// DO_JUMP: run the sub-pattern `next` in a new context and continue at `label` with `ret`
// set to its result and `ctx`, `pattern`, `ptr` restored.
#define SRE_DO_JUMPX(jumpvalue, label, next, toplevel_)        \
  do {                                                         \
    ctx->pattern = pattern;                                    \
    ctx->ptr = ptr;                                            \
    MatchContext child{};                                      \
    child.pattern = (next);                                    \
    child.toplevel = (toplevel_);                              \
    child.jump = (jumpvalue);                                  \
    child.last_ctx_pos = ctx_pos;                              \
    pattern = child.pattern;                                   \
    stack.push_back(child);                                    \
    ctx_pos = static_cast<ssize>(stack.size()) - 1;            \
    ctx = &stack.back();                                       \
    goto entrance;                                             \
  } while (0);                                                 \
  label:                                                       \
  pattern = ctx->pattern;                                      \
  ptr = static_cast<const Ch*>(ctx->ptr);
#define SRE_DO_JUMP(jumpvalue, label, next) SRE_DO_JUMPX(jumpvalue, label, next, ctx->toplevel)
#define SRE_DO_JUMP0(jumpvalue, label, next) SRE_DO_JUMPX(jumpvalue, label, next, false)
#define SRE_RETURN_FAILURE \
  do {                     \
    ret = 0;               \
    goto exit;             \
  } while (0)
#define SRE_RETURN_SUCCESS \
  do {                     \
    ret = 1;               \
    goto exit;             \
  } while (0)
#define SRE_RETURN_ERROR(i) \
  do {                      \
    stack.resize(base);     \
    return (i);             \
  } while (0)
#define SRE_RETURN_ON_ERROR(i) \
  do {                         \
    if ((i) < 0) SRE_RETURN_ERROR(i); \
  } while (0)

  const size_t base = static_cast<size_t>(ctx_pos);

entrance:
  ptr = static_cast<const Ch*>(state.ptr);

  if (pattern[0] == SRE_OP_INFO) {
    // <INFO> <1=skip> <2=flags> <3=min> ...: reject subjects shorter than the minimum.
    if (pattern[3] && static_cast<uintptr_t>(end - ptr) < pattern[3]) SRE_RETURN_FAILURE;
    pattern += pattern[1] + 1;
  }

  for (;;) {
    switch (*pattern++) {
      case SRE_OP_MARK: {  // <MARK> <gid>
        ssize i = pattern[0];
        if (i & 1) state.lastindex = i / 2 + 1;
        if (i > state.lastmark) {
          // Marks between the old and the new last one were not reached: unset them.
          ssize j = state.lastmark + 1;
          while (j < i) state.mark[j++] = nullptr;
          state.lastmark = i;
        }
        state.mark[i] = ptr;
        pattern++;
        continue;
      }

      case SRE_OP_LITERAL:  // <LITERAL> <code>
        if (ptr >= end || static_cast<Code>(ptr[0]) != pattern[0]) SRE_RETURN_FAILURE;
        pattern++;
        ptr++;
        continue;

      case SRE_OP_NOT_LITERAL:  // <NOT_LITERAL> <code>
        if (ptr >= end || static_cast<Code>(ptr[0]) == pattern[0]) SRE_RETURN_FAILURE;
        pattern++;
        ptr++;
        continue;

      case SRE_OP_SUCCESS:
        if (ctx->toplevel && ((state.match_all && ptr != end) ||
                              (state.must_advance && ptr == state.start)))
          SRE_RETURN_FAILURE;
        state.ptr = ptr;
        SRE_RETURN_SUCCESS;

      case SRE_OP_AT:  // <AT> <code>
        if (!at<Ch>(state, ptr, *pattern)) SRE_RETURN_FAILURE;
        pattern++;
        continue;

      case SRE_OP_CATEGORY:  // <CATEGORY> <code>
        if (ptr >= end || !category(pattern[0], ptr[0])) SRE_RETURN_FAILURE;
        pattern++;
        ptr++;
        continue;

      case SRE_OP_ANY:
        if (ptr >= end || is_linebreak(ptr[0])) SRE_RETURN_FAILURE;
        ptr++;
        continue;

      case SRE_OP_ANY_ALL:
        if (ptr >= end) SRE_RETURN_FAILURE;
        ptr++;
        continue;

      case SRE_OP_IN:  // <IN> <skip> <set>
        if (ptr >= end || !charset(pattern + 1, *ptr)) SRE_RETURN_FAILURE;
        pattern += pattern[0];
        ptr++;
        continue;

      case SRE_OP_LITERAL_IGNORE:
        if (ptr >= end || lower_ascii(*ptr) != *pattern) SRE_RETURN_FAILURE;
        pattern++;
        ptr++;
        continue;

      case SRE_OP_LITERAL_UNI_IGNORE:
        if (ptr >= end || lower_unicode(*ptr) != *pattern) SRE_RETURN_FAILURE;
        pattern++;
        ptr++;
        continue;

      case SRE_OP_LITERAL_LOC_IGNORE:
        if (ptr >= end || !char_loc_ignore(*pattern, *ptr)) SRE_RETURN_FAILURE;
        pattern++;
        ptr++;
        continue;

      case SRE_OP_NOT_LITERAL_IGNORE:
        if (ptr >= end || lower_ascii(*ptr) == *pattern) SRE_RETURN_FAILURE;
        pattern++;
        ptr++;
        continue;

      case SRE_OP_NOT_LITERAL_UNI_IGNORE:
        if (ptr >= end || lower_unicode(*ptr) == *pattern) SRE_RETURN_FAILURE;
        pattern++;
        ptr++;
        continue;

      case SRE_OP_NOT_LITERAL_LOC_IGNORE:
        if (ptr >= end || char_loc_ignore(*pattern, *ptr)) SRE_RETURN_FAILURE;
        pattern++;
        ptr++;
        continue;

      case SRE_OP_IN_IGNORE:
        if (ptr >= end || !charset(pattern + 1, lower_ascii(*ptr))) SRE_RETURN_FAILURE;
        pattern += pattern[0];
        ptr++;
        continue;

      case SRE_OP_IN_UNI_IGNORE:
        if (ptr >= end || !charset(pattern + 1, lower_unicode(*ptr))) SRE_RETURN_FAILURE;
        pattern += pattern[0];
        ptr++;
        continue;

      case SRE_OP_IN_LOC_IGNORE:
        if (ptr >= end || !charset_loc_ignore(pattern + 1, *ptr)) SRE_RETURN_FAILURE;
        pattern += pattern[0];
        ptr++;
        continue;

      case SRE_OP_JUMP:
      case SRE_OP_INFO:  // <JUMP> <offset>
        pattern += pattern[0];
        continue;

      case SRE_OP_BRANCH:
        // <BRANCH> <0=skip> code <JUMP> ... <NULL>
        lastmark_save();
        if (state.repeat) mark_push(ctx->lastmark);
        for (; pattern[0]; pattern += pattern[0]) {
          // Skip alternatives whose first item cannot match here.
          if (pattern[1] == SRE_OP_LITERAL &&
              (ptr >= end || static_cast<Code>(*ptr) != pattern[2]))
            continue;
          if (pattern[1] == SRE_OP_IN && (ptr >= end || !charset(pattern + 3, *ptr))) continue;
          state.ptr = ptr;
          SRE_DO_JUMP(kJumpBranch, jump_branch, pattern + 1);
          if (ret) {
            if (state.repeat) mark_pop_discard(ctx->lastmark);
            SRE_RETURN_ON_ERROR(ret);
            SRE_RETURN_SUCCESS;
          }
          if (state.repeat) mark_pop_keep(ctx->lastmark);
          lastmark_restore();
        }
        if (state.repeat) mark_pop_discard(ctx->lastmark);
        SRE_RETURN_FAILURE;

      case SRE_OP_REPEAT_ONE:
        // Greedy repeat of a one-character item, outside any REPEAT backtracking.
        // <REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
        if (static_cast<ssize>(pattern[1]) > end - ptr) SRE_RETURN_FAILURE;
        state.ptr = ptr;
        ret = count<Ch>(state, pattern + 3, pattern[2]);
        SRE_RETURN_ON_ERROR(ret);
        ctx = &stack[ctx_pos];
        ctx->count = ret;
        ptr += ctx->count;
        if (ctx->count < static_cast<ssize>(pattern[1])) SRE_RETURN_FAILURE;
        if (pattern[pattern[0]] == SRE_OP_SUCCESS && ptr == end &&
            !(ctx->toplevel && state.must_advance && ptr == state.start)) {
          // The tail is empty: done.
          state.ptr = ptr;
          SRE_RETURN_SUCCESS;
        }
        lastmark_save();
        if (state.repeat) mark_push(ctx->lastmark);
        if (pattern[pattern[0]] == SRE_OP_LITERAL) {
          // The tail starts with a literal: only try positions where it is.
          ctx->chr = pattern[pattern[0] + 1];
          for (;;) {
            while (ctx->count >= static_cast<ssize>(pattern[1]) &&
                   (ptr >= end || *ptr != ctx->chr)) {
              ptr--;
              ctx->count--;
            }
            if (ctx->count < static_cast<ssize>(pattern[1])) break;
            state.ptr = ptr;
            SRE_DO_JUMP(kJumpRepeatOne1, jump_repeat_one_1, pattern + pattern[0]);
            if (ret) {
              if (state.repeat) mark_pop_discard(ctx->lastmark);
              SRE_RETURN_ON_ERROR(ret);
              SRE_RETURN_SUCCESS;
            }
            if (state.repeat) mark_pop_keep(ctx->lastmark);
            lastmark_restore();
            ptr--;
            ctx->count--;
          }
          if (state.repeat) mark_pop_discard(ctx->lastmark);
        } else {
          while (ctx->count >= static_cast<ssize>(pattern[1])) {
            state.ptr = ptr;
            SRE_DO_JUMP(kJumpRepeatOne2, jump_repeat_one_2, pattern + pattern[0]);
            if (ret) {
              if (state.repeat) mark_pop_discard(ctx->lastmark);
              SRE_RETURN_ON_ERROR(ret);
              SRE_RETURN_SUCCESS;
            }
            if (state.repeat) mark_pop_keep(ctx->lastmark);
            lastmark_restore();
            ptr--;
            ctx->count--;
          }
          if (state.repeat) mark_pop_discard(ctx->lastmark);
        }
        SRE_RETURN_FAILURE;

      case SRE_OP_MIN_REPEAT_ONE:
        // Lazy repeat of a one-character item.
        // <MIN_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
        if (static_cast<ssize>(pattern[1]) > end - ptr) SRE_RETURN_FAILURE;
        state.ptr = ptr;
        if (pattern[1] == 0) {
          ctx->count = 0;
        } else {
          ret = count<Ch>(state, pattern + 3, pattern[1]);
          SRE_RETURN_ON_ERROR(ret);
          ctx = &stack[ctx_pos];
          if (ret < static_cast<ssize>(pattern[1])) SRE_RETURN_FAILURE;
          ctx->count = ret;
          ptr += ctx->count;
        }
        if (pattern[pattern[0]] == SRE_OP_SUCCESS &&
            !(ctx->toplevel && ((state.match_all && ptr != end) ||
                                (state.must_advance && ptr == state.start)))) {
          state.ptr = ptr;
          SRE_RETURN_SUCCESS;
        } else {
          lastmark_save();
          if (state.repeat) mark_push(ctx->lastmark);
          while (pattern[2] == kMaxRepeat || ctx->count <= static_cast<ssize>(pattern[2])) {
            state.ptr = ptr;
            SRE_DO_JUMP(kJumpMinRepeatOne, jump_min_repeat_one, pattern + pattern[0]);
            if (ret) {
              if (state.repeat) mark_pop_discard(ctx->lastmark);
              SRE_RETURN_ON_ERROR(ret);
              SRE_RETURN_SUCCESS;
            }
            if (state.repeat) mark_pop_keep(ctx->lastmark);
            lastmark_restore();
            state.ptr = ptr;
            ret = count<Ch>(state, pattern + 3, 1);
            SRE_RETURN_ON_ERROR(ret);
            ctx = &stack[ctx_pos];
            if (ret == 0) break;
            ptr++;
            ctx->count++;
          }
          if (state.repeat) mark_pop_discard(ctx->lastmark);
        }
        SRE_RETURN_FAILURE;

      case SRE_OP_POSSESSIVE_REPEAT_ONE:
        // Greedy repeat of a one-character item that never gives back.
        // <POSSESSIVE_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail
        if (static_cast<ssize>(pattern[1]) > end - ptr) SRE_RETURN_FAILURE;
        state.ptr = ptr;
        ret = count<Ch>(state, pattern + 3, pattern[2]);
        SRE_RETURN_ON_ERROR(ret);
        ctx = &stack[ctx_pos];
        ctx->count = ret;
        ptr += ctx->count;
        if (ctx->count < static_cast<ssize>(pattern[1])) SRE_RETURN_FAILURE;
        pattern += pattern[0];
        if (*pattern == SRE_OP_SUCCESS && ptr == end &&
            !(ctx->toplevel && state.must_advance && ptr == state.start)) {
          state.ptr = ptr;
          SRE_RETURN_SUCCESS;
        }
        continue;

      case SRE_OP_REPEAT:
        // A general repeat: installs the record MAX_UNTIL / MIN_UNTIL work on.
        // <REPEAT> <skip> <1=min> <2=max> <3=repeat_index> item <UNTIL> tail
        if (!state.repeats) state.repeats = std::make_unique<std::deque<Repeat>>();
        state.repeats->push_back(Repeat{-1, pattern, nullptr, state.repeat});
        ctx->rep = &state.repeats->back();
        state.repeat = ctx->rep;
        state.ptr = ptr;
        SRE_DO_JUMP(kJumpRepeat, jump_repeat, pattern + pattern[0]);
        state.repeat = ctx->rep->prev;
        state.repeats->pop_back();
        if (ret) {
          SRE_RETURN_ON_ERROR(ret);
          SRE_RETURN_SUCCESS;
        }
        SRE_RETURN_FAILURE;

      case SRE_OP_MAX_UNTIL:
        // The end of a greedy repeat's item: <REPEAT> <skip> <1=min> <2=max> item
        // <MAX_UNTIL> tail
        ctx->rep = state.repeat;
        if (!ctx->rep) SRE_RETURN_ERROR(kErrorState);
        state.ptr = ptr;
        ctx->count = ctx->rep->count + 1;
        if (ctx->count < static_cast<ssize>(ctx->rep->pattern[1])) {
          // Not enough items yet.
          ctx->rep->count = ctx->count;
          SRE_DO_JUMP(kJumpMaxUntil1, jump_max_until_1, ctx->rep->pattern + 3);
          if (ret) {
            SRE_RETURN_ON_ERROR(ret);
            SRE_RETURN_SUCCESS;
          }
          ctx->rep->count = ctx->count - 1;
          state.ptr = ptr;
          SRE_RETURN_FAILURE;
        }
        if ((ctx->count < static_cast<ssize>(ctx->rep->pattern[2]) ||
             ctx->rep->pattern[2] == kMaxRepeat) &&
            state.ptr != ctx->rep->last_ptr) {
          // Enough items, but try one more first.
          ctx->rep->count = ctx->count;
          lastmark_save();
          mark_push(ctx->lastmark);
          // Zero-width match protection.
          data.push_back(ctx->rep->last_ptr);
          ctx->rep->last_ptr = state.ptr;
          SRE_DO_JUMP(kJumpMaxUntil2, jump_max_until_2, ctx->rep->pattern + 3);
          ctx->rep->last_ptr = data.back();
          data.pop_back();
          if (ret) {
            mark_pop_discard(ctx->lastmark);
            SRE_RETURN_ON_ERROR(ret);
            SRE_RETURN_SUCCESS;
          }
          mark_pop(ctx->lastmark);
          lastmark_restore();
          ctx->rep->count = ctx->count - 1;
          state.ptr = ptr;
        }
        // No more items here: the tail must match.
        state.repeat = ctx->rep->prev;
        SRE_DO_JUMP(kJumpMaxUntil3, jump_max_until_3, pattern);
        state.repeat = ctx->rep;
        if (ret) {
          SRE_RETURN_ON_ERROR(ret);
          SRE_RETURN_SUCCESS;
        }
        state.ptr = ptr;
        SRE_RETURN_FAILURE;

      case SRE_OP_MIN_UNTIL: {
        // The end of a lazy repeat's item.
        ctx->rep = state.repeat;
        if (!ctx->rep) SRE_RETURN_ERROR(kErrorState);
        state.ptr = ptr;
        ctx->count = ctx->rep->count + 1;
        if (ctx->count < static_cast<ssize>(ctx->rep->pattern[1])) {
          ctx->rep->count = ctx->count;
          SRE_DO_JUMP(kJumpMinUntil1, jump_min_until_1, ctx->rep->pattern + 3);
          if (ret) {
            SRE_RETURN_ON_ERROR(ret);
            SRE_RETURN_SUCCESS;
          }
          ctx->rep->count = ctx->count - 1;
          state.ptr = ptr;
          SRE_RETURN_FAILURE;
        }
        // Try the tail first.
        state.repeat = ctx->rep->prev;
        lastmark_save();
        if (state.repeat) mark_push(ctx->lastmark);
        SRE_DO_JUMP(kJumpMinUntil2, jump_min_until_2, pattern);
        {
          Repeat* repeat_of_tail = state.repeat;
          state.repeat = ctx->rep;
          if (ret) {
            if (repeat_of_tail) mark_pop_discard(ctx->lastmark);
            SRE_RETURN_ON_ERROR(ret);
            SRE_RETURN_SUCCESS;
          }
          if (repeat_of_tail) mark_pop(ctx->lastmark);
        }
        lastmark_restore();
        state.ptr = ptr;
        if ((ctx->count >= static_cast<ssize>(ctx->rep->pattern[2]) &&
             ctx->rep->pattern[2] != kMaxRepeat) ||
            state.ptr == ctx->rep->last_ptr)
          SRE_RETURN_FAILURE;
        ctx->rep->count = ctx->count;
        data.push_back(ctx->rep->last_ptr);
        ctx->rep->last_ptr = state.ptr;
        SRE_DO_JUMP(kJumpMinUntil3, jump_min_until_3, ctx->rep->pattern + 3);
        ctx->rep->last_ptr = data.back();
        data.pop_back();
        if (ret) {
          SRE_RETURN_ON_ERROR(ret);
          SRE_RETURN_SUCCESS;
        }
        ctx->rep->count = ctx->count - 1;
        state.ptr = ptr;
        SRE_RETURN_FAILURE;
      }

      case SRE_OP_POSSESSIVE_REPEAT:
        // <POSSESSIVE_REPEAT> <skip> <1=min> <2=max> pattern <SUCCESS> tail
        state.ptr = ptr;
        ctx->count = 0;
        while (ctx->count < static_cast<ssize>(pattern[1])) {
          SRE_DO_JUMP0(kJumpPossRepeat1, jump_poss_repeat_1, &pattern[3]);
          if (ret) {
            SRE_RETURN_ON_ERROR(ret);
            ctx->count++;
          } else {
            state.ptr = ptr;
            SRE_RETURN_FAILURE;
          }
        }
        // ptr now holds the position before the last iteration, so that an iteration that
        // matched the empty string ends the loop.
        ptr = nullptr;
        while ((ctx->count < static_cast<ssize>(pattern[2]) || pattern[2] == kMaxRepeat) &&
               state.ptr != ptr) {
          lastmark_save();
          mark_push(ctx->lastmark);
          ptr = static_cast<const Ch*>(state.ptr);
          SRE_DO_JUMP0(kJumpPossRepeat2, jump_poss_repeat_2, &pattern[3]);
          if (ret) {
            mark_pop_discard(ctx->lastmark);
            SRE_RETURN_ON_ERROR(ret);
            ctx->count++;
          } else {
            mark_pop(ctx->lastmark);
            lastmark_restore();
            state.ptr = ptr;
            break;
          }
        }
        pattern += pattern[0] + 1;
        ptr = static_cast<const Ch*>(state.ptr);
        continue;

      case SRE_OP_ATOMIC_GROUP:
        // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
        state.ptr = ptr;
        SRE_DO_JUMP0(kJumpAtomicGroup, jump_atomic_group, &pattern[1]);
        SRE_RETURN_ON_ERROR(ret);
        if (ret == 0) {
          state.ptr = ptr;
          SRE_RETURN_FAILURE;
        }
        pattern += pattern[0];
        ptr = static_cast<const Ch*>(state.ptr);
        continue;

      case SRE_OP_GROUPREF:
      case SRE_OP_GROUPREF_IGNORE:
      case SRE_OP_GROUPREF_UNI_IGNORE:
      case SRE_OP_GROUPREF_LOC_IGNORE: {
        // <GROUPREF*> <group>: the text the group matched, again.
        Code op = pattern[-1];
        ssize groupref = static_cast<ssize>(pattern[0]) * 2;
        if (groupref >= state.lastmark) SRE_RETURN_FAILURE;
        const Ch* p = static_cast<const Ch*>(state.mark[groupref]);
        const Ch* e = static_cast<const Ch*>(state.mark[groupref + 1]);
        if (!p || !e || e < p) SRE_RETURN_FAILURE;
        while (p < e) {
          if (ptr >= end) SRE_RETURN_FAILURE;
          bool same;
          if (op == SRE_OP_GROUPREF)
            same = *ptr == *p;
          else if (op == SRE_OP_GROUPREF_IGNORE)
            same = lower_ascii(*ptr) == lower_ascii(*p);
          else if (op == SRE_OP_GROUPREF_UNI_IGNORE)
            same = lower_unicode(*ptr) == lower_unicode(*p);
          else
            same = lower_locale(*ptr) == lower_locale(*p);
          if (!same) SRE_RETURN_FAILURE;
          p++;
          ptr++;
        }
        pattern++;
        continue;
      }

      case SRE_OP_GROUPREF_EXISTS: {
        // <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno ...
        ssize groupref = static_cast<ssize>(pattern[0]) * 2;
        if (groupref >= state.lastmark) {
          pattern += pattern[1];
          continue;
        }
        const void* p = state.mark[groupref];
        const void* e = state.mark[groupref + 1];
        if (!p || !e || e < p) {
          pattern += pattern[1];
          continue;
        }
        pattern += 2;
        continue;
      }

      case SRE_OP_ASSERT:
        // <ASSERT> <skip> <back> <pattern>
        if (ptr - static_cast<const Ch*>(state.beginning) < static_cast<ssize>(pattern[1]))
          SRE_RETURN_FAILURE;
        state.ptr = ptr - pattern[1];
        SRE_DO_JUMP0(kJumpAssert, jump_assert, pattern + 2);
        SRE_RETURN_ON_ERROR(ret);
        if (ret == 0) SRE_RETURN_FAILURE;
        pattern += pattern[0];
        continue;

      case SRE_OP_ASSERT_NOT:
        // <ASSERT_NOT> <skip> <back> <pattern>
        if (ptr - static_cast<const Ch*>(state.beginning) >= static_cast<ssize>(pattern[1])) {
          state.ptr = ptr - pattern[1];
          lastmark_save();
          if (state.repeat) mark_push(ctx->lastmark);
          SRE_DO_JUMP0(kJumpAssertNot, jump_assert_not, pattern + 2);
          if (ret) {
            if (state.repeat) mark_pop_discard(ctx->lastmark);
            SRE_RETURN_ON_ERROR(ret);
            SRE_RETURN_FAILURE;
          }
          if (state.repeat) mark_pop(ctx->lastmark);
          lastmark_restore();
        }
        pattern += pattern[0];
        continue;

      case SRE_OP_FAILURE:
        SRE_RETURN_FAILURE;

      default:
        // Set items and unknown codes are not operators.
        SRE_RETURN_ERROR(kErrorIllegal);
    }
  }

exit:
  ctx_pos = ctx->last_ctx_pos;
  jump = ctx->jump;
  stack.pop_back();
  if (ctx_pos == -1) return ret;
  ctx = &stack[ctx_pos];
  switch (jump) {
    case kJumpMaxUntil2: goto jump_max_until_2;
    case kJumpMaxUntil3: goto jump_max_until_3;
    case kJumpMinUntil2: goto jump_min_until_2;
    case kJumpMinUntil3: goto jump_min_until_3;
    case kJumpBranch: goto jump_branch;
    case kJumpMaxUntil1: goto jump_max_until_1;
    case kJumpMinUntil1: goto jump_min_until_1;
    case kJumpPossRepeat1: goto jump_poss_repeat_1;
    case kJumpPossRepeat2: goto jump_poss_repeat_2;
    case kJumpRepeat: goto jump_repeat;
    case kJumpRepeatOne1: goto jump_repeat_one_1;
    case kJumpRepeatOne2: goto jump_repeat_one_2;
    case kJumpMinRepeatOne: goto jump_min_repeat_one;
    case kJumpAtomicGroup: goto jump_atomic_group;
    case kJumpAssert: goto jump_assert;
    case kJumpAssertNot: goto jump_assert_not;
    default: break;
  }
  return ret;

#undef SRE_DO_JUMPX
#undef SRE_DO_JUMP
#undef SRE_DO_JUMP0
#undef SRE_RETURN_FAILURE
#undef SRE_RETURN_SUCCESS
#undef SRE_RETURN_ERROR
#undef SRE_RETURN_ON_ERROR
}

// RESET_CAPTURE_GROUP: between two match attempts of a search.
inline void reset_capture_group(State& state) { state.lastmark = state.lastindex = -1; }

// SRE(search): the first position from state.start where the pattern matches.
template <typename Ch>
ssize search_impl(State& state, const Code* pattern) {
  const Ch* ptr = static_cast<const Ch*>(state.start);
  const Ch* end = static_cast<const Ch*>(state.end);
  ssize status = 0;
  ssize prefix_len = 0;
  ssize prefix_skip = 0;
  const Code* prefix = nullptr;
  const Code* charset_ = nullptr;
  const Code* overlap = nullptr;
  Code flags = 0;

  if (ptr > end) return 0;

  if (pattern[0] == SRE_OP_INFO) {
    // <INFO> <1=skip> <2=flags> <3=min> <4=max> <5=prefix info>
    flags = pattern[2];
    if (pattern[3] && end - ptr < static_cast<ssize>(pattern[3])) return 0;
    if (pattern[3] > 1) {
      // Leave room for the minimal width, but at least one character for literal search.
      end -= pattern[3] - 1;
      if (end <= ptr) end = ptr;
    }
    if (flags & SRE_INFO_PREFIX) {
      // <length> <skip> <prefix data> <overlap data>
      prefix_len = pattern[5];
      prefix_skip = pattern[6];
      prefix = pattern + 7;
      overlap = prefix + prefix_len - 1;
    } else if (flags & SRE_INFO_CHARSET) {
      charset_ = pattern + 5;
    }
    pattern += 1 + pattern[1];
  }

  if (prefix_len == 1) {
    // The pattern starts with one literal character.
    Ch c = static_cast<Ch>(prefix[0]);
    if (static_cast<Code>(c) != prefix[0]) return 0;
    end = static_cast<const Ch*>(state.end);
    state.must_advance = false;
    while (ptr < end) {
      while (*ptr != c) {
        if (++ptr >= end) return 0;
      }
      state.start = ptr;
      state.ptr = ptr + prefix_skip;
      if (flags & SRE_INFO_LITERAL) return 1;
      status = match_impl<Ch>(state, pattern + 2 * prefix_skip, false);
      if (status != 0) return status;
      ++ptr;
      reset_capture_group(state);
    }
    return 0;
  }

  if (prefix_len > 1) {
    // A longer literal prefix: scan with its overlap table (Knuth-Morris-Pratt).
    end = static_cast<const Ch*>(state.end);
    if (prefix_len > end - ptr) return 0;
    for (ssize i = 0; i < prefix_len; i++)
      if (static_cast<Code>(static_cast<Ch>(prefix[i])) != prefix[i]) return 0;
    while (ptr < end) {
      Ch c = static_cast<Ch>(prefix[0]);
      while (*ptr++ != c) {
        if (ptr >= end) return 0;
      }
      if (ptr >= end) return 0;
      ssize i = 1;
      state.must_advance = false;
      do {
        if (*ptr == static_cast<Ch>(prefix[i])) {
          if (++i != prefix_len) {
            if (++ptr >= end) return 0;
            continue;
          }
          // A candidate.
          state.start = ptr - (prefix_len - 1);
          state.ptr = ptr - (prefix_len - prefix_skip - 1);
          if (flags & SRE_INFO_LITERAL) return 1;
          status = match_impl<Ch>(state, pattern + 2 * prefix_skip, false);
          if (status != 0) return status;
          if (++ptr >= end) return 0;
          reset_capture_group(state);
        }
        i = overlap[i];
      } while (i != 0);
    }
    return 0;
  }

  if (charset_) {
    // The pattern starts with a character of a known set.
    end = static_cast<const Ch*>(state.end);
    state.must_advance = false;
    for (;;) {
      while (ptr < end && !charset(charset_, *ptr)) ptr++;
      if (ptr >= end) return 0;
      state.start = ptr;
      state.ptr = ptr;
      status = match_impl<Ch>(state, pattern, false);
      if (status != 0) break;
      ptr++;
      reset_capture_group(state);
    }
  } else {
    // General case: try every position.
    state.start = state.ptr = ptr;
    status = match_impl<Ch>(state, pattern, true);
    state.must_advance = false;
    if (status == 0 && pattern[0] == SRE_OP_AT &&
        (pattern[1] == SRE_AT_BEGINNING || pattern[1] == SRE_AT_BEGINNING_STRING)) {
      state.start = state.ptr = ptr = end;
      return 0;
    }
    while (status == 0 && ptr < end) {
      ptr++;
      reset_capture_group(state);
      state.start = state.ptr = ptr;
      status = match_impl<Ch>(state, pattern, false);
    }
  }
  return status;
}

}  // namespace

// sre_category.
bool category(Code category, unsigned ch) {
  switch (category) {
    case SRE_CATEGORY_DIGIT: return is_digit(ch);
    case SRE_CATEGORY_NOT_DIGIT: return !is_digit(ch);
    case SRE_CATEGORY_SPACE: return is_space(ch);
    case SRE_CATEGORY_NOT_SPACE: return !is_space(ch);
    case SRE_CATEGORY_WORD: return is_word(ch);
    case SRE_CATEGORY_NOT_WORD: return !is_word(ch);
    case SRE_CATEGORY_LINEBREAK: return is_linebreak(ch);
    case SRE_CATEGORY_NOT_LINEBREAK: return !is_linebreak(ch);
    case SRE_CATEGORY_LOC_WORD: return loc_is_word(ch);
    case SRE_CATEGORY_LOC_NOT_WORD: return !loc_is_word(ch);
    case SRE_CATEGORY_UNI_DIGIT: return uni_is_decimal(ch);
    case SRE_CATEGORY_UNI_NOT_DIGIT: return !uni_is_decimal(ch);
    case SRE_CATEGORY_UNI_SPACE: return unicode::is_space(ch);
    case SRE_CATEGORY_UNI_NOT_SPACE: return !unicode::is_space(ch);
    case SRE_CATEGORY_UNI_WORD: return uni_is_word(ch);
    case SRE_CATEGORY_UNI_NOT_WORD: return !uni_is_word(ch);
    case SRE_CATEGORY_UNI_LINEBREAK: return unicode::is_linebreak(ch);
    case SRE_CATEGORY_UNI_NOT_LINEBREAK: return !unicode::is_linebreak(ch);
  }
  return false;
}

unsigned lower_ascii(unsigned ch) { return ch < 128 && ch >= 'A' && ch <= 'Z' ? ch + 32 : ch; }
unsigned lower_locale(unsigned ch) {
  return ch < 256 ? static_cast<unsigned>(std::tolower(static_cast<int>(ch))) : ch;
}
unsigned upper_locale(unsigned ch) {
  return ch < 256 ? static_cast<unsigned>(std::toupper(static_cast<int>(ch))) : ch;
}
unsigned lower_unicode(unsigned ch) { return unicode::to_lower(ch); }
unsigned upper_unicode(unsigned ch) { return unicode::to_upper(ch); }
bool ascii_iscased(unsigned ch) { return ch < 128 && ascii_alpha(ch); }
bool unicode_iscased(unsigned ch) { return ch != lower_unicode(ch) || ch != upper_unicode(ch); }

// state_init's part without objects: the subject's bounds and a fresh state.
namespace {
// The buffers a finished State left for the next one of this thread (one set: a State made
// while another is alive, e.g. a sub() callback matching, allocates its own).
// (spare_gone: a State ending after the thread's destructors ran, as during static
// destruction, leaves the dead buffers alone.)
thread_local bool spare_gone = false;
struct SpareBuffers {
  ~SpareBuffers() { spare_gone = true; }
  bool full = false;
  std::vector<const void*> mark;
  std::vector<MatchContext> contexts;
  std::vector<const void*> data;
  std::unique_ptr<std::deque<Repeat>> repeats;
};
thread_local SpareBuffers spare_buffers;
}  // namespace

State::State() {
  if (spare_gone) return;
  SpareBuffers& spare = spare_buffers;
  if (!spare.full) {
    contexts.reserve(16);
    return;
  }
  spare.full = false;
  mark.swap(spare.mark);
  contexts.swap(spare.contexts);
  data.swap(spare.data);
  repeats.swap(spare.repeats);
}

State::~State() {
  if (spare_gone) return;
  SpareBuffers& spare = spare_buffers;
  // Big stacks (a long backtracking match) are freed rather than kept.
  if (spare.full || contexts.capacity() > 1024 || data.capacity() > 4096 ||
      mark.capacity() > 1024)
    return;
  mark.clear();
  contexts.clear();
  data.clear();
  if (repeats) repeats->clear();
  mark.swap(spare.mark);
  contexts.swap(spare.contexts);
  data.swap(spare.data);
  repeats.swap(spare.repeats);
  spare.full = true;
}

void State::init(const void* data_, ssize length, int charsize_, bool isbytes_, ssize groups,
                 ssize start_, ssize end_) {
  mark.assign(static_cast<size_t>(groups * 2 + 2), nullptr);
  lastmark = lastindex = -1;
  repeat = nullptr;
  if (start_ < 0)
    start_ = 0;
  else if (start_ > length)
    start_ = length;
  if (end_ < 0)
    end_ = 0;
  else if (end_ > length)
    end_ = length;
  isbytes = isbytes_;
  charsize = charsize_;
  match_all = must_advance = false;
  beginning = data_;
  start = static_cast<const char*>(data_) + start_ * charsize;
  end = static_cast<const char*>(data_) + end_ * charsize;
  ptr = start;
  pos = start_;
  endpos = end_;
  contexts.clear();
  data.clear();
  if (repeats) repeats->clear();
}

void State::reset() {
  lastmark = -1;
  lastindex = -1;
  repeat = nullptr;
  contexts.clear();
  data.clear();
  if (repeats) repeats->clear();
}

ssize match(State& state, const Code* pattern) {
  ssize r;
  if (state.charsize == 1)
    r = match_impl<std::uint8_t>(state, pattern, true);
  else if (state.charsize == 2)
    r = match_impl<std::uint16_t>(state, pattern, true);
  else
    r = match_impl<std::uint32_t>(state, pattern, true);
  return r;
}

ssize search(State& state, const Code* pattern) {
  if (state.charsize == 1) return search_impl<std::uint8_t>(state, pattern);
  if (state.charsize == 2) return search_impl<std::uint16_t>(state, pattern);
  return search_impl<std::uint32_t>(state, pattern);
}

// ---- code validation (_validate_charset, _validate_inner, _validate_outer) ----------------

namespace {

struct Validator {
  ssize groups;

  // Each reader fails (returns false) when the code ends too early.
  static bool get(const Code*& code, const Code* end, Code* out) {
    if (code >= end) return false;
    *out = *code++;
    return true;
  }
  static bool get_skip(const Code*& code, const Code* end, Code* skip, Code adj = 0) {
    if (code >= end) return false;
    *skip = *code;
    if (*skip - adj > static_cast<uintptr_t>(end - code)) return false;
    code++;
    return true;
  }

  static bool charset_ok(const Code* code, const Code* end) {
    Code op, arg;
    while (code < end) {
      if (!get(code, end, &op)) return false;
      switch (op) {
        case SRE_OP_NEGATE:
          break;
        case SRE_OP_LITERAL:
          if (!get(code, end, &arg)) return false;
          break;
        case SRE_OP_RANGE:
        case SRE_OP_RANGE_UNI_IGNORE:
          if (!get(code, end, &arg) || !get(code, end, &arg)) return false;
          break;
        case SRE_OP_CHARSET:
          if (256 / kCodeBits > static_cast<uintptr_t>(end - code)) return false;
          code += 256 / kCodeBits;
          break;
        case SRE_OP_BIGCHARSET: {
          if (!get(code, end, &arg)) return false;  // the number of blocks
          if (256 / sizeof(Code) > static_cast<uintptr_t>(end - code)) return false;
          const unsigned char* indices = reinterpret_cast<const unsigned char*>(code);
          for (int i = 0; i < 256; i++)
            if (indices[i] >= arg) return false;
          code += 256 / sizeof(Code);
          uintptr_t blocks = static_cast<uintptr_t>(arg) * (256 / kCodeBits);
          if (blocks > static_cast<uintptr_t>(end - code)) return false;
          code += blocks;
          break;
        }
        case SRE_OP_CATEGORY:
          if (!get(code, end, &arg)) return false;
          if (arg > SRE_CATEGORY_UNI_NOT_LINEBREAK) return false;
          break;
        default:
          return false;
      }
    }
    return true;
  }

  // 0: valid, -1: invalid, 1: valid and the last operator is a JUMP.
  int inner(const Code* code, const Code* end) const {
    Code op, arg, skip;
    if (code > end) return -1;
    while (code < end) {
      if (!get(code, end, &op)) return -1;
      switch (op) {
        case SRE_OP_MARK:
          // Nesting is not checked: the engine is robust to it.
          if (!get(code, end, &arg)) return -1;
          if (arg > 2 * static_cast<size_t>(groups) + 1) return -1;
          break;
        case SRE_OP_LITERAL:
        case SRE_OP_NOT_LITERAL:
        case SRE_OP_LITERAL_IGNORE:
        case SRE_OP_NOT_LITERAL_IGNORE:
        case SRE_OP_LITERAL_UNI_IGNORE:
        case SRE_OP_NOT_LITERAL_UNI_IGNORE:
        case SRE_OP_LITERAL_LOC_IGNORE:
        case SRE_OP_NOT_LITERAL_LOC_IGNORE:
          if (!get(code, end, &arg)) return -1;
          break;
        case SRE_OP_SUCCESS:
        case SRE_OP_FAILURE:
          break;
        case SRE_OP_AT:
          if (!get(code, end, &arg)) return -1;
          if (arg > SRE_AT_UNI_NON_BOUNDARY) return -1;
          break;
        case SRE_OP_ANY:
        case SRE_OP_ANY_ALL:
          break;
        case SRE_OP_IN:
        case SRE_OP_IN_IGNORE:
        case SRE_OP_IN_UNI_IGNORE:
        case SRE_OP_IN_LOC_IGNORE:
          if (!get_skip(code, end, &skip)) return -1;
          // The set ends with FAILURE, checked apart.
          if (skip < 2 || !charset_ok(code, code + skip - 2)) return -1;
          if (code[skip - 2] != SRE_OP_FAILURE) return -1;
          code += skip - 1;
          break;
        case SRE_OP_INFO: {
          // <INFO> <1=skip> <2=flags> <3=min> <4=max>, then a prefix or a charset.
          if (!get_skip(code, end, &skip)) return -1;
          if (skip < 1) return -1;
          const Code* newcode = code + skip - 1;
          Code flags;
          if (!get(code, end, &flags) || !get(code, end, &arg) || !get(code, end, &arg))
            return -1;
          if (flags & ~(SRE_INFO_PREFIX | SRE_INFO_LITERAL | SRE_INFO_CHARSET)) return -1;
          if ((flags & SRE_INFO_PREFIX) && (flags & SRE_INFO_CHARSET)) return -1;
          if ((flags & SRE_INFO_LITERAL) && !(flags & SRE_INFO_PREFIX)) return -1;
          if (flags & SRE_INFO_PREFIX) {
            Code prefix_len;
            if (!get(code, end, &prefix_len) || !get(code, end, &arg)) return -1;
            if (prefix_len > static_cast<uintptr_t>(newcode - code)) return -1;
            code += prefix_len;
            if (prefix_len > static_cast<uintptr_t>(newcode - code)) return -1;
            for (Code i = 0; i < prefix_len; i++)
              if (code[i] >= prefix_len) return -1;
            code += prefix_len;
          }
          if (flags & SRE_INFO_CHARSET) {
            if (!charset_ok(code, newcode - 1)) return -1;
            if (newcode[-1] != SRE_OP_FAILURE) return -1;
            code = newcode;
          } else if (code != newcode) {
            return -1;
          }
          break;
        }
        case SRE_OP_BRANCH: {
          const Code* target = nullptr;
          for (;;) {
            if (!get_skip(code, end, &skip)) return -1;
            if (skip == 0) break;
            if (skip < 3) return -1;
            // Each alternative ends with a JUMP to the common target.
            if (inner(code, code + skip - 3) < 0) return -1;
            code += skip - 3;
            if (!get(code, end, &op)) return -1;
            if (op != SRE_OP_JUMP) return -1;
            if (!get_skip(code, end, &skip)) return -1;
            if (!target)
              target = code + skip - 1;
            else if (code + skip - 1 != target)
              return -1;
          }
          if (code != target) return -1;
          break;
        }
        case SRE_OP_REPEAT_ONE:
        case SRE_OP_MIN_REPEAT_ONE:
        case SRE_OP_POSSESSIVE_REPEAT_ONE: {
          Code min, max;
          if (!get_skip(code, end, &skip)) return -1;
          if (!get(code, end, &min) || !get(code, end, &max)) return -1;
          if (min > max || max > kMaxRepeat) return -1;
          if (skip < 4 || inner(code, code + skip - 4) < 0) return -1;
          code += skip - 4;
          if (!get(code, end, &op)) return -1;
          if (op != SRE_OP_SUCCESS) return -1;
          break;
        }
        case SRE_OP_REPEAT:
        case SRE_OP_POSSESSIVE_REPEAT: {
          Code op1 = op, min, max;
          if (!get_skip(code, end, &skip)) return -1;
          if (!get(code, end, &min) || !get(code, end, &max)) return -1;
          if (min > max || max > kMaxRepeat) return -1;
          if (skip < 3 || inner(code, code + skip - 3) < 0) return -1;
          code += skip - 3;
          if (!get(code, end, &op)) return -1;
          if (op1 == SRE_OP_POSSESSIVE_REPEAT) {
            if (op != SRE_OP_SUCCESS) return -1;
          } else if (op != SRE_OP_MAX_UNTIL && op != SRE_OP_MIN_UNTIL) {
            return -1;
          }
          break;
        }
        case SRE_OP_ATOMIC_GROUP:
          if (!get_skip(code, end, &skip)) return -1;
          if (skip < 2 || inner(code, code + skip - 2) < 0) return -1;
          code += skip - 2;
          if (!get(code, end, &op)) return -1;
          if (op != SRE_OP_SUCCESS) return -1;
          break;
        case SRE_OP_GROUPREF:
        case SRE_OP_GROUPREF_IGNORE:
        case SRE_OP_GROUPREF_UNI_IGNORE:
        case SRE_OP_GROUPREF_LOC_IGNORE:
          if (!get(code, end, &arg)) return -1;
          if (arg >= static_cast<size_t>(groups)) return -1;
          break;
        case SRE_OP_GROUPREF_EXISTS: {
          // <GROUPREF_EXISTS> <group> <skip> then [<JUMP> <skip> else]; the skip counts from
          // the group argument. An else part is recognised by the JUMP ending the then part.
          if (!get(code, end, &arg)) return -1;
          if (arg >= static_cast<size_t>(groups)) return -1;
          if (!get_skip(code, end, &skip, 1)) return -1;
          code--;
          if (skip < 2) return -1;
          int rc = inner(code + 1, code + skip - 1);
          if (rc == 1) {
            code += skip - 2;
            if (!get_skip(code, end, &skip)) return -1;
            if (skip < 1) return -1;
            rc = inner(code, code + skip - 1);
          }
          if (rc) return -1;
          code += skip - 1;
          break;
        }
        case SRE_OP_ASSERT:
        case SRE_OP_ASSERT_NOT:
          if (!get_skip(code, end, &skip)) return -1;
          if (!get(code, end, &arg)) return -1;  // 0 ahead, the width behind
          code--;
          if (skip < 2 || inner(code + 1, code + skip - 2) < 0) return -1;
          code += skip - 2;
          if (!get(code, end, &op)) return -1;
          if (op != SRE_OP_SUCCESS) return -1;
          break;
        case SRE_OP_JUMP:
          if (code + 1 != end) return -1;
          return 1;
        default:
          return -1;
      }
    }
    return 0;
  }
};

}  // namespace

bool validate(const Code* code, ssize size, ssize groups) {
  const Code* end = code + size;
  if (groups < 0 || static_cast<size_t>(groups) > kMaxGroups || size <= 0 ||
      end[-1] != SRE_OP_SUCCESS)
    return false;
  Validator v{groups};
  return v.inner(code, end - 1) >= 0;
}

}  // namespace cppy::modules::_sre
