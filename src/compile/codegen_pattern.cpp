// PEP 634 structural pattern matching (the codegen_pattern_* and codegen_match functions of
// Python/codegen.c). Every pattern routine consumes the subject on top of the stack and jumps
// to a fail_pop block on failure; captured names are kept under pc->on_top items until the
// whole pattern has matched.
#include <algorithm>
#include <climits>

#include "compile/codegen_internal.h"

namespace cppy::compile {

using namespace ast;

namespace {

#define ADDOP(C, LOC, OP) RETURN_IF_ERROR(cg_addop_i((C), (LOC), (OP), 0))
#define ADDOP_I(C, LOC, OP, O) RETURN_IF_ERROR(cg_addop_i((C), (LOC), (OP), (O)))
#define ADDOP_JUMP(C, LOC, OP, O) RETURN_IF_ERROR(cg_addop_j((C), (LOC), (OP), (O)))
#define ADDOP_LOAD_CONST(C, LOC, K) RETURN_IF_ERROR(cg_addop_load_const((C), (LOC), (K)))
#define ADDOP_COMPARE(C, LOC, CMP) RETURN_IF_ERROR(cg_addcompare((C), (LOC), (CMP)))
#define USE_LABEL(C, L) RETURN_IF_ERROR(cg_use_label((C), (L)))

// pattern_context; stores holds the captured names in order.
struct PatternContext {
  std::vector<std::string> stores;
  std::vector<Object*> store_objs;
  int allow_irrefutable = 0;
  std::vector<JumpTargetLabel> fail_pop;
  ssize on_top = 0;
};

bool wildcard_check(pattern_ty p) { return p->kind == MatchAs_kind && !p->v.MatchAs.name; }
bool wildcard_star_check(pattern_ty p) {
  return p->kind == MatchStar_kind && !p->v.MatchStar.name;
}

int codegen_pattern(Compiler* c, pattern_ty p, PatternContext* pc);

int ensure_fail_pop(Compiler* c, PatternContext* pc, ssize n) {
  ssize size = n + 1;
  while (ssize(pc->fail_pop.size()) < size) pc->fail_pop.push_back(cg_new_label(c));
  return SUCCESS;
}

int jump_to_fail_pop(Compiler* c, Location loc, PatternContext* pc, int op) {
  ssize pops = pc->on_top + ssize(pc->stores.size());
  RETURN_IF_ERROR(ensure_fail_pop(c, pc, pops));
  ADDOP_JUMP(c, loc, op, pc->fail_pop[size_t(pops)]);
  return SUCCESS;
}

int emit_and_reset_fail_pop(Compiler* c, Location loc, PatternContext* pc) {
  if (pc->fail_pop.empty()) return SUCCESS;
  for (size_t i = pc->fail_pop.size() - 1; i > 0; i--) {
    USE_LABEL(c, pc->fail_pop[i]);
    ADDOP(c, loc, POP_TOP);
  }
  USE_LABEL(c, pc->fail_pop[0]);
  pc->fail_pop.clear();
  return SUCCESS;
}

int codegen_error_duplicate_store(Compiler* c, Location loc, const std::string& n) {
  return compile_error(c, loc, "multiple assignments to name '" + n + "' in pattern");
}

int pattern_helper_rotate(Compiler* c, Location loc, ssize count) {
  while (1 < count) ADDOP_I(c, loc, SWAP, count--);
  return SUCCESS;
}

int pattern_helper_store_name(Compiler* c, Location loc, Object* n, PatternContext* pc) {
  if (!n) {
    ADDOP(c, loc, POP_TOP);
    return SUCCESS;
  }
  std::string s = utf8_of(n);
  if (std::find(pc->stores.begin(), pc->stores.end(), s) != pc->stores.end()) {
    return codegen_error_duplicate_store(c, loc, s);
  }
  ssize rotations = pc->on_top + ssize(pc->stores.size()) + 1;
  RETURN_IF_ERROR(pattern_helper_rotate(c, loc, rotations));
  pc->stores.push_back(s);
  pc->store_objs.push_back(n);
  return SUCCESS;
}

int pattern_unpack_helper(Compiler* c, Location loc, asdl_pattern_seq* elts) {
  ssize n = asdl_seq_LEN(elts);
  int seen_star = 0;
  for (ssize i = 0; i < n; i++) {
    pattern_ty elt = asdl_seq_GET(elts, i);
    if (elt->kind == MatchStar_kind && !seen_star) {
      if (i >= (1 << 8) || n - i - 1 >= (INT_MAX >> 8)) {
        return compile_error(c, loc, "too many expressions in star-unpacking sequence pattern");
      }
      ADDOP_I(c, loc, UNPACK_EX, i + ((n - i - 1) << 8));
      seen_star = 1;
    } else if (elt->kind == MatchStar_kind) {
      return compile_error(c, loc, "multiple starred expressions in sequence pattern");
    }
  }
  if (!seen_star) ADDOP_I(c, loc, UNPACK_SEQUENCE, n);
  return SUCCESS;
}

int pattern_subpattern(Compiler* c, pattern_ty p, PatternContext* pc) {
  int allow_irrefutable = pc->allow_irrefutable;
  pc->allow_irrefutable = 1;
  RETURN_IF_ERROR(codegen_pattern(c, p, pc));
  pc->allow_irrefutable = allow_irrefutable;
  return SUCCESS;
}

int pattern_helper_sequence_unpack(Compiler* c, Location loc, asdl_pattern_seq* patterns,
                                   PatternContext* pc) {
  RETURN_IF_ERROR(pattern_unpack_helper(c, loc, patterns));
  ssize size = asdl_seq_LEN(patterns);
  pc->on_top += size;
  for (ssize i = 0; i < size; i++) {
    pc->on_top--;
    RETURN_IF_ERROR(pattern_subpattern(c, asdl_seq_GET(patterns, i), pc));
  }
  return SUCCESS;
}

int pattern_helper_sequence_subscr(Compiler* c, Location loc, asdl_pattern_seq* patterns,
                                   ssize star, PatternContext* pc) {
  pc->on_top++;
  ssize size = asdl_seq_LEN(patterns);
  for (ssize i = 0; i < size; i++) {
    pattern_ty pattern = asdl_seq_GET(patterns, i);
    if (wildcard_check(pattern)) continue;
    if (i == star) continue;
    ADDOP_I(c, loc, COPY, 1);
    if (i < star) {
      ADDOP_LOAD_CONST(c, loc, c->konsts->integer(long(i)));
    } else {
      ADDOP(c, loc, GET_LEN);
      ADDOP_LOAD_CONST(c, loc, c->konsts->integer(long(size - i)));
      RETURN_IF_ERROR(cg_addop_binary(c, loc, Sub, false));
    }
    ADDOP_I(c, loc, BINARY_OP, NB_SUBSCR);
    RETURN_IF_ERROR(pattern_subpattern(c, pattern, pc));
  }
  pc->on_top--;
  ADDOP(c, loc, POP_TOP);
  return SUCCESS;
}

int codegen_pattern_as(Compiler* c, pattern_ty p, PatternContext* pc) {
  if (!p->v.MatchAs.pattern) {
    if (!pc->allow_irrefutable) {
      if (p->v.MatchAs.name) {
        return compile_error(c, LOC(p),
                             "name capture '" + utf8_of(p->v.MatchAs.name) +
                                 "' makes remaining patterns unreachable");
      }
      return compile_error(c, LOC(p), "wildcard makes remaining patterns unreachable");
    }
    return pattern_helper_store_name(c, LOC(p), p->v.MatchAs.name, pc);
  }
  pc->on_top++;
  ADDOP_I(c, LOC(p), COPY, 1);
  RETURN_IF_ERROR(codegen_pattern(c, p->v.MatchAs.pattern, pc));
  pc->on_top--;
  return pattern_helper_store_name(c, LOC(p), p->v.MatchAs.name, pc);
}

int codegen_pattern_class(Compiler* c, pattern_ty p, PatternContext* pc) {
  asdl_pattern_seq* patterns = p->v.MatchClass.patterns;
  asdl_identifier_seq* kwd_attrs = p->v.MatchClass.kwd_attrs;
  asdl_pattern_seq* kwd_patterns = p->v.MatchClass.kwd_patterns;
  ssize nargs = asdl_seq_LEN(patterns);
  ssize nattrs = asdl_seq_LEN(kwd_attrs);
  for (ssize i = 0; i < nattrs; i++) {
    std::string attr = utf8_of(asdl_seq_GET(kwd_attrs, i));
    for (ssize j = i + 1; j < nattrs; j++) {
      if (utf8_of(asdl_seq_GET(kwd_attrs, j)) == attr) {
        return compile_error(c, LOC(asdl_seq_GET(kwd_patterns, j)),
                             "attribute name repeated in class pattern: " + attr);
      }
    }
  }
  RETURN_IF_ERROR(codegen_visit_expr(c, p->v.MatchClass.cls));
  std::vector<const Konst*> names;
  for (ssize i = 0; i < nattrs; i++) names.push_back(c->konsts->from_object(asdl_seq_GET(kwd_attrs, i)));
  ADDOP_LOAD_CONST(c, LOC(p), c->konsts->tuple(std::move(names)));
  ADDOP_I(c, LOC(p), MATCH_CLASS, nargs);
  ADDOP_I(c, LOC(p), COPY, 1);
  ADDOP_LOAD_CONST(c, LOC(p), c->konsts->none());
  ADDOP_I(c, LOC(p), IS_OP, 1);
  pc->on_top++;
  RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
  ADDOP_I(c, LOC(p), UNPACK_SEQUENCE, nargs + nattrs);
  pc->on_top += nargs + nattrs - 1;
  for (ssize i = 0; i < nargs + nattrs; i++) {
    pc->on_top--;
    pattern_ty pattern = i < nargs ? asdl_seq_GET(patterns, i) : asdl_seq_GET(kwd_patterns, i - nargs);
    if (wildcard_check(pattern)) {
      ADDOP(c, LOC(p), POP_TOP);
      continue;
    }
    RETURN_IF_ERROR(pattern_subpattern(c, pattern, pc));
  }
  return SUCCESS;
}

int codegen_pattern_mapping(Compiler* c, pattern_ty p, PatternContext* pc) {
  asdl_expr_seq* keys = p->v.MatchMapping.keys;
  asdl_pattern_seq* patterns = p->v.MatchMapping.patterns;
  ssize size = asdl_seq_LEN(keys);
  Object* star_target = p->v.MatchMapping.rest;
  pc->on_top++;
  ADDOP(c, LOC(p), MATCH_MAPPING);
  RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
  if (!size && !star_target) {
    pc->on_top--;
    ADDOP(c, LOC(p), POP_TOP);
    return SUCCESS;
  }
  if (size) {
    ADDOP(c, LOC(p), GET_LEN);
    ADDOP_LOAD_CONST(c, LOC(p), c->konsts->integer(long(size)));
    ADDOP_COMPARE(c, LOC(p), GtE);
    RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
  }
  std::vector<std::string> seen;
  for (ssize i = 0; i < size; i++) {
    expr_ty key = asdl_seq_GET(keys, i);
    if (!key) {
      return compile_error(c, LOC(asdl_seq_GET(patterns, i)),
                           "can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
    }
    if (key->kind == Constant_kind) {
      const Konst* k = c->konsts->from_object(key->v.Constant.value);
      if (std::find(seen.begin(), seen.end(), k->key) != seen.end()) {
        return compile_error(c, LOC(p),
                             "mapping pattern checks duplicate key (" + konst_repr(k) + ")");
      }
      seen.push_back(k->key);
    } else if (key->kind != Attribute_kind) {
      return compile_error(c, LOC(p),
                           "mapping pattern keys may only match literals and attribute lookups");
    }
    RETURN_IF_ERROR(codegen_visit_expr(c, key));
  }
  ADDOP_I(c, LOC(p), BUILD_TUPLE, size);
  ADDOP(c, LOC(p), MATCH_KEYS);
  pc->on_top += 2;
  ADDOP_I(c, LOC(p), COPY, 1);
  ADDOP_LOAD_CONST(c, LOC(p), c->konsts->none());
  ADDOP_I(c, LOC(p), IS_OP, 1);
  RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
  ADDOP_I(c, LOC(p), UNPACK_SEQUENCE, size);
  pc->on_top += size - 1;
  for (ssize i = 0; i < size; i++) {
    pc->on_top--;
    RETURN_IF_ERROR(pattern_subpattern(c, asdl_seq_GET(patterns, i), pc));
  }
  pc->on_top -= 2;
  if (star_target) {
    ADDOP_I(c, LOC(p), BUILD_MAP, 0);
    ADDOP_I(c, LOC(p), SWAP, 3);
    ADDOP_I(c, LOC(p), DICT_UPDATE, 2);
    ADDOP_I(c, LOC(p), UNPACK_SEQUENCE, size);
    while (size) {
      ADDOP_I(c, LOC(p), COPY, 1 + size--);
      ADDOP_I(c, LOC(p), SWAP, 2);
      ADDOP(c, LOC(p), DELETE_SUBSCR);
    }
    RETURN_IF_ERROR(pattern_helper_store_name(c, LOC(p), star_target, pc));
  } else {
    ADDOP(c, LOC(p), POP_TOP);
    ADDOP(c, LOC(p), POP_TOP);
  }
  return SUCCESS;
}

int codegen_pattern_or(Compiler* c, pattern_ty p, PatternContext* pc) {
  JumpTargetLabel end = cg_new_label(c);
  ssize size = asdl_seq_LEN(p->v.MatchOr.patterns);
  PatternContext old_pc = *pc;
  std::vector<std::string> control;
  std::vector<Object*> control_objs;
  for (ssize i = 0; i < size; i++) {
    pattern_ty alt = asdl_seq_GET(p->v.MatchOr.patterns, i);
    pc->stores.clear();
    pc->store_objs.clear();
    pc->allow_irrefutable = (i == size - 1) && old_pc.allow_irrefutable;
    pc->fail_pop.clear();
    pc->on_top = 0;
    RETURN_IF_ERROR(cg_addop_i(c, LOC(alt), COPY, 1));
    RETURN_IF_ERROR(codegen_pattern(c, alt, pc));
    ssize nstores = ssize(pc->stores.size());
    if (!i) {
      control = pc->stores;
      control_objs = pc->store_objs;
    } else if (nstores != ssize(control.size())) {
      return compile_error(c, LOC(p), "alternative patterns bind different names");
    } else if (nstores) {
      ssize icontrol = nstores;
      while (icontrol--) {
        const std::string& name = control[size_t(icontrol)];
        auto it = std::find(pc->stores.begin(), pc->stores.end(), name);
        if (it == pc->stores.end()) {
          return compile_error(c, LOC(p), "alternative patterns bind different names");
        }
        ssize istores = it - pc->stores.begin();
        if (icontrol != istores) {
          ssize rotations = istores + 1;
          std::vector<std::string> rotated(pc->stores.begin(), pc->stores.begin() + rotations);
          std::vector<Object*> rotated_o(pc->store_objs.begin(),
                                         pc->store_objs.begin() + rotations);
          pc->stores.erase(pc->stores.begin(), pc->stores.begin() + rotations);
          pc->store_objs.erase(pc->store_objs.begin(), pc->store_objs.begin() + rotations);
          pc->stores.insert(pc->stores.begin() + (icontrol - istores), rotated.begin(),
                            rotated.end());
          pc->store_objs.insert(pc->store_objs.begin() + (icontrol - istores),
                                rotated_o.begin(), rotated_o.end());
          while (rotations--) RETURN_IF_ERROR(pattern_helper_rotate(c, LOC(alt), icontrol + 1));
        }
      }
    }
    RETURN_IF_ERROR(cg_addop_j(c, LOC(alt), JUMP, end));
    RETURN_IF_ERROR(emit_and_reset_fail_pop(c, LOC(alt), pc));
  }
  *pc = old_pc;
  RETURN_IF_ERROR(cg_addop_i(c, LOC(p), POP_TOP, 0));
  RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, JUMP));
  USE_LABEL(c, end);
  ssize nstores = ssize(control.size());
  ssize nrots = nstores + 1 + pc->on_top + ssize(pc->stores.size());
  for (ssize i = 0; i < nstores; i++) {
    RETURN_IF_ERROR(pattern_helper_rotate(c, LOC(p), nrots));
    const std::string& name = control[size_t(i)];
    if (std::find(pc->stores.begin(), pc->stores.end(), name) != pc->stores.end()) {
      return codegen_error_duplicate_store(c, LOC(p), name);
    }
    pc->stores.push_back(name);
    pc->store_objs.push_back(control_objs[size_t(i)]);
  }
  ADDOP(c, LOC(p), POP_TOP);
  return SUCCESS;
}

int codegen_pattern_sequence(Compiler* c, pattern_ty p, PatternContext* pc) {
  asdl_pattern_seq* patterns = p->v.MatchSequence.patterns;
  ssize size = asdl_seq_LEN(patterns);
  ssize star = -1;
  int only_wildcard = 1;
  int star_wildcard = 0;
  for (ssize i = 0; i < size; i++) {
    pattern_ty pattern = asdl_seq_GET(patterns, i);
    if (pattern->kind == MatchStar_kind) {
      if (star >= 0) {
        return compile_error(c, LOC(p), "multiple starred names in sequence pattern");
      }
      star_wildcard = wildcard_star_check(pattern);
      only_wildcard &= star_wildcard;
      star = i;
      continue;
    }
    only_wildcard &= wildcard_check(pattern);
  }
  pc->on_top++;
  ADDOP(c, LOC(p), MATCH_SEQUENCE);
  RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
  if (star < 0) {
    ADDOP(c, LOC(p), GET_LEN);
    ADDOP_LOAD_CONST(c, LOC(p), c->konsts->integer(long(size)));
    ADDOP_COMPARE(c, LOC(p), Eq);
    RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
  } else if (size > 1) {
    ADDOP(c, LOC(p), GET_LEN);
    ADDOP_LOAD_CONST(c, LOC(p), c->konsts->integer(long(size - 1)));
    ADDOP_COMPARE(c, LOC(p), GtE);
    RETURN_IF_ERROR(jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE));
  }
  pc->on_top--;
  if (only_wildcard) {
    ADDOP(c, LOC(p), POP_TOP);
  } else if (star_wildcard) {
    RETURN_IF_ERROR(pattern_helper_sequence_subscr(c, LOC(p), patterns, star, pc));
  } else {
    RETURN_IF_ERROR(pattern_helper_sequence_unpack(c, LOC(p), patterns, pc));
  }
  return SUCCESS;
}

int codegen_pattern_value(Compiler* c, pattern_ty p, PatternContext* pc) {
  expr_ty value = p->v.MatchValue.value;
  if (value->kind != Constant_kind && value->kind != Attribute_kind) {
    return compile_error(c, LOC(p), "patterns may only match literals and attribute lookups");
  }
  RETURN_IF_ERROR(codegen_visit_expr(c, value));
  ADDOP_COMPARE(c, LOC(p), Eq);
  ADDOP(c, LOC(p), TO_BOOL);
  return jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE);
}

int codegen_pattern_singleton(Compiler* c, pattern_ty p, PatternContext* pc) {
  ADDOP_LOAD_CONST(c, LOC(p), c->konsts->from_object(p->v.MatchSingleton.value));
  ADDOP_COMPARE(c, LOC(p), Is);
  return jump_to_fail_pop(c, LOC(p), pc, POP_JUMP_IF_FALSE);
}

int codegen_pattern(Compiler* c, pattern_ty p, PatternContext* pc) {
  switch (p->kind) {
    case MatchValue_kind: return codegen_pattern_value(c, p, pc);
    case MatchSingleton_kind: return codegen_pattern_singleton(c, p, pc);
    case MatchSequence_kind: return codegen_pattern_sequence(c, p, pc);
    case MatchMapping_kind: return codegen_pattern_mapping(c, p, pc);
    case MatchClass_kind: return codegen_pattern_class(c, p, pc);
    case MatchStar_kind: return pattern_helper_store_name(c, LOC(p), p->v.MatchStar.name, pc);
    case MatchAs_kind: return codegen_pattern_as(c, p, pc);
    case MatchOr_kind: return codegen_pattern_or(c, p, pc);
  }
  return compile_error(c, LOC(p), "invalid match pattern node in AST");
}

}  // namespace

// codegen_match / codegen_match_inner.
int codegen_match(Compiler* c, stmt_ty s) {
  PatternContext pcv;
  PatternContext* pc = &pcv;
  RETURN_IF_ERROR(codegen_visit_expr(c, s->v.Match.subject));
  JumpTargetLabel end = cg_new_label(c);
  ssize cases = asdl_seq_LEN(s->v.Match.cases);
  match_case_ty m = asdl_seq_GET(s->v.Match.cases, cases - 1);
  int has_default = wildcard_check(m->pattern) && 1 < cases;
  for (ssize i = 0; i < cases - has_default; i++) {
    m = asdl_seq_GET(s->v.Match.cases, i);
    if (i != cases - has_default - 1) ADDOP_I(c, LOC(m->pattern), COPY, 1);
    pc->stores.clear();
    pc->store_objs.clear();
    pc->allow_irrefutable = m->guard != nullptr || i == cases - 1;
    pc->fail_pop.clear();
    pc->on_top = 0;
    RETURN_IF_ERROR(codegen_pattern(c, m->pattern, pc));
    for (Object* name : pc->store_objs) {
      RETURN_IF_ERROR(cg_nameop(c, LOC(m->pattern), name, Store));
    }
    if (m->guard) {
      RETURN_IF_ERROR(ensure_fail_pop(c, pc, 0));
      RETURN_IF_ERROR(cg_jump_if(c, LOC(m->pattern), m->guard, pc->fail_pop[0], 0));
    }
    if (i != cases - has_default - 1) ADDOP(c, kNextLocation, POP_TOP);
    for (ssize j = 0; j < asdl_seq_LEN(m->body); j++)
      RETURN_IF_ERROR(codegen_visit_stmt(c, asdl_seq_GET(m->body, j)));
    ADDOP_JUMP(c, kNoLocation, JUMP, end);
    RETURN_IF_ERROR(emit_and_reset_fail_pop(c, LOC(m->pattern), pc));
  }
  if (has_default) {
    m = asdl_seq_GET(s->v.Match.cases, cases - 1);
    if (cases == 1) {
      ADDOP(c, LOC(m->pattern), POP_TOP);
    } else {
      ADDOP(c, LOC(m->pattern), NOP);
    }
    if (m->guard) RETURN_IF_ERROR(cg_jump_if(c, LOC(m->pattern), m->guard, end, 0));
    for (ssize j = 0; j < asdl_seq_LEN(m->body); j++)
      RETURN_IF_ERROR(codegen_visit_stmt(c, asdl_seq_GET(m->body, j)));
  }
  USE_LABEL(c, end);
  return SUCCESS;
}

}  // namespace cppy::compile
