// The matching engine of the re module: Modules/_sre/sre.h (SRE_STATE, SRE_REPEAT) and the
// object-free half of Modules/_sre/sre.c and sre_lib.h (character predicates and case
// mappings, state set-up, SRE(match), SRE(search), the code validator). The engine keeps its
// backtracking contexts on explicit stacks in State, never on the C++ stack, so a catastrophic
// pattern is slow but cannot overflow it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

namespace cppy::modules::_sre {

using Code = std::uint32_t;  // SRE_CODE
using ssize = std::ptrdiff_t;

// sre.h for a 64-bit size_t.
inline constexpr Code kMaxRepeat = ~Code(0);                  // SRE_MAXREPEAT
inline constexpr Code kMaxGroups = Code(INT32_MAX) / 2;       // SRE_MAXGROUPS

// Engine status codes (sre.c SRE_ERROR_*).
inline constexpr ssize kErrorIllegal = -1;
inline constexpr ssize kErrorState = -2;
inline constexpr ssize kErrorRecursionLimit = -3;
inline constexpr ssize kErrorMemory = -9;
inline constexpr ssize kErrorInterrupted = -10;

// SRE_REPEAT: the state of one REPEAT ... MAX_UNTIL/MIN_UNTIL loop.
struct Repeat {
  ssize count;
  const Code* pattern;   // points at the REPEAT operator's arguments
  const void* last_ptr;  // the position of the last iteration (zero-width protection)
  Repeat* prev;          // the enclosing repeat
};

// One backtracking context of SRE(match) (SRE(match_context)).
struct MatchContext {
  ssize count;
  Code chr;
  Repeat* rep;
  ssize lastmark;
  ssize lastindex;
  const Code* pattern;
  const void* ptr;
  bool toplevel;
  int jump;
  ssize last_ctx_pos;
};

// SRE_STATE: one run of the engine over a subject (str of any kind or bytes).
struct State {
  // The subject: characters of charsize bytes (1, 2 or 4).
  const void* beginning = nullptr;
  const void* start = nullptr;  // where the match starts (search moves it)
  const void* end = nullptr;
  const void* ptr = nullptr;    // the current position; after a match its end
  int charsize = 1;
  bool isbytes = false;
  ssize pos = 0, endpos = 0;  // the clipped pos/endpos arguments
  bool match_all = false;     // fullmatch
  bool must_advance = false;  // an empty match at start is refused (findall, sub, ...)

  // Group marks: mark[2k], mark[2k+1] for group k+1; null for unset.
  std::vector<const void*> mark;
  ssize lastmark = -1;
  ssize lastindex = -1;
  Repeat* repeat = nullptr;

  // The explicit stacks (the data stack of sre.c, split by kind). REPEAT records need stable
  // addresses (a deque), made on the first REPEAT: a default deque allocates already.
  std::vector<MatchContext> contexts;
  std::vector<const void*> data;
  std::unique_ptr<std::deque<Repeat>> repeats;

  // The buffers of the last State of this thread that ended are taken over (a match call
  // makes one State: its allocations and the contexts stack's growth cost more than a short
  // match itself), and given back at the end.
  State();
  ~State();
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  // state_init's bounds handling: start/end clipped to [0, length].
  void init(const void* data, ssize length, int charsize, bool isbytes, ssize groups,
            ssize start, ssize end);
  // state_reset: forgets the marks and the stacks between two runs.
  void reset();
  // STATE_OFFSET: the index of a position.
  ssize offset(const void* p) const {
    return (static_cast<const char*>(p) - static_cast<const char*>(beginning)) / charsize;
  }
};

// sre_match (toplevel) and sre_search over the state's subject: 1 for a match (state.start,
// state.ptr and the marks tell where), 0 for none, <0 for an engine error.
ssize match(State& state, const Code* pattern);
ssize search(State& state, const Code* pattern);

// _validate: whether a code list has the structure re._compiler produces (jumps in range,
// operands valid); groups is the pattern's group count.
bool validate(const Code* code, ssize size, ssize groups);

// Character predicates and case mappings of sre.c.
bool category(Code category, unsigned ch);  // sre_category
unsigned lower_ascii(unsigned ch);          // sre_lower_ascii
unsigned lower_locale(unsigned ch);         // sre_lower_locale
unsigned upper_locale(unsigned ch);         // sre_upper_locale
unsigned lower_unicode(unsigned ch);        // sre_lower_unicode
unsigned upper_unicode(unsigned ch);        // sre_upper_unicode
bool ascii_iscased(unsigned ch);            // _sre.ascii_iscased
bool unicode_iscased(unsigned ch);          // _sre.unicode_iscased

}  // namespace cppy::modules::_sre
