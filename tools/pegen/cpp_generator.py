"""Emits a C++ recursive-descent parser with memoization from an analysed grammar.

The generated code calls the parser runtime of src/parser/pegen.h: Parser (mark, fill,
tokens, level, error_indicator, call_invalid_rules), fill_token, expect_token,
expect_soft_keyword, name_token, number_token, string_token, soft_keyword_token,
expect_forced_token, expect_forced_result, lookahead, is_memoized, insert_memo,
update_memo, get_last_nonwhitespace_token, seq_from_items, dummy_name,
parse_error_occurred, and the constant kMaxParserStack.
"""
import re

from analysis import is_token_name
from grammar import Cut, Forced, Lookahead, NameLeaf, Opt, StringLeaf

TOKEN_FUNCTIONS = {
    "NAME": "name_token",
    "NUMBER": "number_token",
    "STRING": "string_token",
    "SOFT_KEYWORD": "soft_keyword_token",
}


class CppGenerator:
    def __init__(self, grammar, operator_tokens, token_names, source_name):
        self.grammar = grammar
        self.operator_tokens = operator_tokens  # "'('" text -> token name
        self.token_names = token_names
        self.source_name = source_name
        self.metas = grammar.metas
        self.token_prefix = self.metas.get("token_prefix", "")
        self.seq_type = self.metas.get("seq_type", "asdl_seq*")
        # The type of rules and groups whose type is not declared (C's void*; a grammar may
        # name a class convertible to any node pointer, as void* is in C).
        self.void_type = self.metas.get("untyped_type", "void*")
        self.keywords = {}
        self.soft_keywords = []
        self.keyword_base = int(self.metas.get("keyword_base", "500"))
        self.rule_ids = {name: i + 1000 for i, name in enumerate(grammar.rules)}
        self._types = {}
        self.out = []
        self._collect_keywords()

    # ---- keywords -------------------------------------------------------------------------
    def _collect_keywords(self):
        found = []
        soft = []

        def walk(item):
            if isinstance(item, StringLeaf):
                text = item.value[1:-1]
                if re.fullmatch(r"[A-Za-z_]\w*", text):
                    if item.value[0] == "'":
                        found.append(text)
                    else:
                        soft.append(text)
            for attr in ("node", "separator"):
                if hasattr(item, attr):
                    walk(getattr(item, attr))

        for rule in self.grammar.rules.values():
            for alt in rule.alts:
                for named in alt.items:
                    walk(named.item)
        for kw in sorted(set(found)):
            self.keywords[kw] = self.keyword_base + len(self.keywords)
        self.soft_keywords = sorted(set(soft))

    # ---- types ----------------------------------------------------------------------------
    def rule_type(self, name, _seen=None):
        if name in self._types:
            return self._types[name]
        rule = self.grammar.rules[name]
        if rule.type:
            t = rule.type
        elif rule.is_loop or rule.is_gather:
            t = self.seq_type
        else:
            seen = (_seen or set()) | {name}
            types = set()
            for alt in rule.alts:
                if alt.action or len(alt.items) != 1:
                    types.add(self.void_type)
                    continue
                types.add(self.item_type(alt.items[0].item, seen))
            t = types.pop() if len(types) == 1 else self.void_type
        if _seen is None or name not in _seen:
            self._types[name] = t
        return t

    def item_type(self, item, seen=None):
        if isinstance(item, Opt):
            return self.item_type(item.node, seen)
        if isinstance(item, Forced):
            return self.item_type(item.node, seen)
        if isinstance(item, NameLeaf):
            if item.value in self.grammar.rules:
                if seen and item.value in seen:
                    return self.void_type
                return self.rule_type(item.value, seen)
            return "decltype(%s)" % self.call(item, "nullptr")
        if isinstance(item, StringLeaf):
            return "decltype(%s)" % self.call(item, "nullptr")
        return self.void_type

    # ---- calls ----------------------------------------------------------------------------
    def token_type(self, name):
        if name not in self.token_names:
            raise ValueError("unknown token %s" % name)
        return self.token_prefix + name

    def call(self, item, p="p"):
        if isinstance(item, NameLeaf):
            name = item.value
            if name in self.grammar.rules:
                return "%s_rule(%s)" % (name, p)
            if name in TOKEN_FUNCTIONS:
                return "%s(%s)" % (TOKEN_FUNCTIONS[name], p)
            if not is_token_name(name):
                raise ValueError("unknown rule %s" % name)
            return "expect_token(%s, %s)" % (p, self.token_type(name))
        if isinstance(item, StringLeaf):
            text = item.value[1:-1]
            if text in self.keywords and item.value[0] == "'":
                return "expect_token(%s, %d) /* '%s' */" % (p, self.keywords[text], text)
            if item.value[0] == '"' and text in self.soft_keywords:
                return 'expect_soft_keyword(%s, "%s")' % (p, text)
            if item.value in self.operator_tokens or "'%s'" % text in self.operator_tokens:
                name = self.operator_tokens.get(item.value) or self.operator_tokens["'%s'" % text]
                return "expect_token(%s, %s) /* %s */" % (p, self.token_type(name), item.value)
            raise ValueError("unknown token string %s" % item.value)
        raise ValueError("cannot call %r" % item)

    # ---- emission -------------------------------------------------------------------------
    def emit(self, line="", indent=0):
        self.out.append("  " * indent + line if line else "")

    def generate(self):
        self.emit("// Generated by tools/pegen/pegen.py from %s. Do not edit." % self.source_name)
        if "header" in self.metas:
            self.out.extend(self.metas["header"].strip("\n").split("\n"))
        self.emit()
        self.emit("#define EXTRA _start_lineno, _start_col_offset, _end_lineno, _end_col_offset, p->arena")
        self.emit()
        self._emit_keyword_tables()
        self.emit("// Memo keys, one per rule.")
        self.emit("enum RuleId : int {")
        for name, rid in self.rule_ids.items():
            self.emit("k%s_id = %d," % (name, rid), 1)
        self.emit("};")
        self.emit()
        for name in self._declaration_order():
            self.emit("static %s %s_rule(Parser* p);" % (self.rule_type(name), name))
        self.emit()
        for name, rule in self.grammar.rules.items():
            self._emit_rule(rule)
        self.emit("#undef EXTRA")
        if "trailer" in self.metas:
            self.out.extend(self.metas["trailer"].strip("\n").split("\n"))
        return "\n".join(self.out) + "\n"

    def _declaration_order(self):
        # A rule whose type is derived from another rule's must be declared after it.
        order, done = [], set()

        def visit(name, stack=()):
            if name in done or name in stack:
                return
            t = self.rule_type(name)
            for other in re.findall(r"decltype\((\w+)_rule", t):
                visit(other, stack + (name,))
            done.add(name)
            order.append(name)

        for name in self.grammar.rules:
            visit(name)
        return order

    def _emit_keyword_tables(self):
        self.emit("// Keywords: NAME tokens with these spellings have these token types.")
        self.emit("const KeywordToken kReservedKeywords[] = {")
        for kw, num in sorted(self.keywords.items(), key=lambda kv: (len(kv[0]), kv[0])):
            self.emit('{"%s", %d},' % (kw, num), 1)
        self.emit("{nullptr, -1},")
        self.emit("};")
        self.emit("const char* const kSoftKeywords[] = {")
        for kw in self.soft_keywords:
            self.emit('"%s",' % kw, 1)
        self.emit("nullptr,")
        self.emit("};")
        self.emit()

    def _enter(self, indent=1):
        self.emit("if (p->level++ == kMaxParserStack || stack_overflow(p)) {", indent)
        self.emit("p->error_indicator = 1;", indent + 1)
        self.emit("report_too_deep(p);", indent + 1)
        self.emit("}", indent)
        self.emit("if (p->error_indicator) {", indent)
        self.emit("p->level--;", indent + 1)
        self.emit("return nullptr;", indent + 1)
        self.emit("}", indent)

    def _fail(self, indent):
        self.emit("p->level--;", indent)
        self.emit("return nullptr;", indent)

    def _emit_rule(self, rule):
        rtype = self.rule_type(rule.name)
        self.emit("// %s" % self._describe_rule(rule))
        if rule.is_loop:
            return self._emit_loop(rule, rtype)
        if rule.is_gather:
            return self._emit_gather(rule, rtype)
        if rule.leader:
            self._emit_leader(rule, rtype)
            name = rule.name + "_body"
            self.emit("static %s %s_rule(Parser* p) {" % (rtype, name))
        else:
            self.emit("static %s %s_rule(Parser* p) {" % (rtype, rule.name))
        self._enter()
        # As pegen: a left-recursive rule is never memoized on its own (the leader keeps the
        # growing seed; a memoized non-leader of the cycle would return a stale result).
        memo = rule.memo and not rule.left_recursive
        self.emit("%s _res{};" % rtype, 1)
        if memo:
            self.emit("if (is_memoized(p, k%s_id, &_res)) {" % rule.name, 1)
            self.emit("p->level--;", 2)
            self.emit("return _res;", 2)
            self.emit("}", 1)
        self.emit("int _mark = p->mark;", 1)
        uses_extra = any(a.action and "EXTRA" in a.action for a in rule.alts)
        if uses_extra:
            self.emit("if (p->mark == p->fill && fill_token(p) < 0) {", 1)
            self.emit("p->error_indicator = 1;", 2)
            self._fail(2)
            self.emit("}", 1)
            self.emit("int _start_lineno = p->tokens[_mark]->lineno;", 1)
            self.emit("int _start_col_offset = p->tokens[_mark]->col_offset;", 1)
        for alt in rule.alts:
            self._emit_alt(rule, alt, rtype, uses_extra)
        self.emit("_res = nullptr;", 1)
        self.emit("done:", 0)
        if memo:
            self.emit("insert_memo(p, _mark, k%s_id, _res);" % rule.name, 1)
        self.emit("p->level--;", 1)
        self.emit("return _res;", 1)
        self.emit("}")
        self.emit()

    def _emit_leader(self, rule, rtype):
        # Left recursion by growing the seed: re-parse while each round consumes more input.
        self.emit("static %s %s_body_rule(Parser* p);" % (rtype, rule.name))
        self.emit("static %s %s_rule(Parser* p) {" % (rtype, rule.name))
        self._enter()
        self.emit("%s _res{};" % rtype, 1)
        self.emit("if (is_memoized(p, k%s_id, &_res)) {" % rule.name, 1)
        self.emit("p->level--;", 2)
        self.emit("return _res;", 2)
        self.emit("}", 1)
        self.emit("int _mark = p->mark;", 1)
        self.emit("int _resmark = p->mark;", 1)
        self.emit("while (true) {", 1)
        self.emit("if (update_memo(p, _mark, k%s_id, _res) < 0) {" % rule.name, 2)
        self._fail(3)
        self.emit("}", 2)
        self.emit("p->mark = _mark;", 2)
        self.emit("%s _raw = %s_body_rule(p);" % (rtype, rule.name), 2)
        self.emit("if (p->error_indicator) {", 2)
        self._fail(3)
        self.emit("}", 2)
        self.emit("if (_raw == nullptr || p->mark <= _resmark) break;", 2)
        self.emit("_resmark = p->mark;", 2)
        self.emit("_res = _raw;", 2)
        self.emit("}", 1)
        self.emit("p->mark = _resmark;", 1)
        self.emit("p->level--;", 1)
        self.emit("return _res;", 1)
        self.emit("}")

    def _condition(self, named, var):
        """The C++ condition that parses one item, binding var when it has a value."""
        item = named.item
        if isinstance(item, Cut):
            return "(_cut_var = 1)"
        if isinstance(item, Lookahead):
            return "lookahead(%s, p, [&] { return %s; })" % (
                "true" if item.positive else "false", self.call(item.node))
        if isinstance(item, Opt):
            return "(%s = %s, !p->error_indicator)" % (var, self.call(item.node))
        if isinstance(item, Forced):
            node = item.node
            if isinstance(node, StringLeaf):
                return "(%s = expect_forced_token(p, %s, \"%s\"))" % (
                    var, self._token_number(node), node.value.replace('"', '\\"'))
            return "(%s = expect_forced_result(p, %s, \"%s\"))" % (
                var, self.call(node), self._describe(node).replace('"', '\\"'))
        return "(%s = %s)" % (var, self.call(item))

    def _token_number(self, leaf):
        text = leaf.value[1:-1]
        if text in self.keywords:
            return str(self.keywords[text])
        return self.token_type(self.operator_tokens[leaf.value] if leaf.value in self.operator_tokens
                               else self.operator_tokens["'%s'" % text])

    def _alt_vars(self, alt):
        # A name bound twice in one alternative: the action sees the first binding, the later
        # ones get a suffix (CPython's generator dedupes names the same way).
        names, seen = [], set()
        for i, named in enumerate(alt.items):
            if isinstance(named.item, (Cut, Lookahead)):
                names.append(None)
                continue
            name = named.name or "_var_%d" % i
            while name in seen:
                name += "_1"
            seen.add(name)
            names.append(name)
        return names

    def _emit_alt(self, rule, alt, rtype, uses_extra):
        invalid = any(isinstance(n.item, NameLeaf) and n.item.value.startswith("invalid_")
                      for n in alt.items)
        indent = 1
        self.emit("{  // %s" % self._describe_alt(alt), indent)
        indent += 1
        if invalid:
            self.emit("if (p->call_invalid_rules) {", indent)
            indent += 1
        self.emit("if (p->error_indicator) {", indent)
        self._fail(indent + 1)
        self.emit("}", indent)
        has_cut = any(isinstance(n.item, Cut) for n in alt.items)
        if has_cut:
            self.emit("int _cut_var = 0;", indent)
        names = self._alt_vars(alt)
        for named, var in zip(alt.items, names):
            if var:
                t = named.type or self.item_type(named.item)
                unused = "[[maybe_unused]] " if named.name is None or var != named.name else ""
                self.emit("%s%s %s{};" % (unused, t, var), indent)
        conds = [self._condition(n, v) for n, v in zip(alt.items, names)]
        self.emit("if (%s) {" % ("\n" + "  " * (indent + 2) + "&& ").join(conds), indent)
        if uses_extra:
            self.emit("Token* _last = get_last_nonwhitespace_token(p);", indent + 1)
            self.emit("if (_last == nullptr) {", indent + 1)
            self._fail(indent + 2)
            self.emit("}", indent + 1)
            self.emit("int _end_lineno = _last->end_lineno;", indent + 1)
            self.emit("int _end_col_offset = _last->end_col_offset;", indent + 1)
            if not (alt.action and "EXTRA" in alt.action):
                self.emit("(void)_end_lineno;", indent + 1)
                self.emit("(void)_end_col_offset;", indent + 1)
        if alt.action:
            self.emit("_res = %s;" % alt.action, indent + 1)
            self.emit("if (_res == nullptr && parse_error_occurred(p)) {", indent + 1)
            self.emit("p->error_indicator = 1;", indent + 2)
            self._fail(indent + 2)
            self.emit("}", indent + 1)
        else:
            bound = [v for v in names if v]
            if len(bound) == 1:
                var = bound[0]
                item_t = next(n.type or self.item_type(n.item) for n, v in zip(alt.items, names) if v)
                if item_t == rtype:
                    self.emit("_res = %s;" % var, indent + 1)
                else:
                    self.emit("_res = (%s)(%s);" % (rtype, var), indent + 1)
            else:
                self.emit("_res = (%s)dummy_name(p);" % rtype, indent + 1)
        self.emit("goto done;", indent + 1)
        self.emit("}", indent)
        self.emit("p->mark = _mark;", indent)
        if has_cut:
            self.emit("if (_cut_var) {", indent)
            self._fail(indent + 1)
            self.emit("}", indent)
        if invalid:
            indent -= 1
            self.emit("}", indent)
        self.emit("}", 1)
        if "EXTRA" not in " ".join(a.action or "" for a in rule.alts):
            pass

    def _emit_loop(self, rule, rtype):
        named = rule.alts[0].items[0]
        elem_t = self.item_type(named.item)
        self.emit("static %s %s_rule(Parser* p) {" % (rtype, rule.name))
        self._enter()
        self.emit("int _mark = p->mark;", 1)
        self.emit("ItemBuffer _children(p);", 1)
        self.emit("%s elem{};" % elem_t, 1)
        self.emit("while (%s) {" % self._condition(named, "elem"), 1)
        self.emit("if (!_children.push((void*)elem)) {", 2)
        self._fail(3)
        self.emit("}", 2)
        self.emit("if (p->mark == _mark) break;  // a nullable element matched nothing", 2)
        self.emit("_mark = p->mark;", 2)
        self.emit("}", 1)
        self.emit("p->mark = _mark;", 1)
        self.emit("if (p->error_indicator) {", 1)
        self._fail(2)
        self.emit("}", 1)
        if rule.name.startswith("_loop1"):
            self.emit("if (_children.size() == 0) {", 1)
            self._fail(2)
            self.emit("}", 1)
        self.emit("%s _seq = seq_from_items(p, _children);" % rtype, 1)
        self.emit("if (_seq == nullptr) {", 1)
        self.emit("p->error_indicator = 1;", 2)
        self._fail(2)
        self.emit("}", 1)
        self.emit("p->level--;", 1)
        self.emit("return _seq;", 1)
        self.emit("}")
        self.emit()

    def _emit_gather(self, rule, rtype):
        sep, elem = rule.gather
        from grammar import NamedItem
        elem_t = self.item_type(elem)
        sep_t = self.item_type(sep)
        self.emit("static %s %s_rule(Parser* p) {" % (rtype, rule.name))
        self._enter()
        self.emit("int _mark = p->mark;", 1)
        self.emit("ItemBuffer _children(p);", 1)
        self.emit("%s elem{};" % elem_t, 1)
        self.emit("%s sep{};" % sep_t, 1)
        self.emit("if (!%s) {" % self._condition(NamedItem("elem", elem), "elem"), 1)
        self.emit("p->mark = _mark;", 2)
        self._fail(2)
        self.emit("}", 1)
        self.emit("if (!_children.push((void*)elem)) {", 1)
        self._fail(2)
        self.emit("}", 1)
        self.emit("while (true) {", 1)
        self.emit("_mark = p->mark;", 2)
        self.emit("if (!%s || !%s) break;" % (self._condition(NamedItem("sep", sep), "sep"),
                                             self._condition(NamedItem("elem", elem), "elem")), 2)
        self.emit("if (!_children.push((void*)elem)) {", 2)
        self._fail(3)
        self.emit("}", 2)
        self.emit("}", 1)
        self.emit("p->mark = _mark;", 1)
        self.emit("if (p->error_indicator) {", 1)
        self._fail(2)
        self.emit("}", 1)
        self.emit("%s _seq = seq_from_items(p, _children);" % rtype, 1)
        self.emit("if (_seq == nullptr) {", 1)
        self.emit("p->error_indicator = 1;", 2)
        self._fail(2)
        self.emit("}", 1)
        self.emit("p->level--;", 1)
        self.emit("return _seq;", 1)
        self.emit("}")
        self.emit()

    # ---- descriptions for comments --------------------------------------------------------
    def _describe(self, item):
        if isinstance(item, (NameLeaf, StringLeaf)):
            return item.value
        if isinstance(item, Opt):
            return "%s?" % self._describe(item.node)
        if isinstance(item, Lookahead):
            return ("&" if item.positive else "!") + self._describe(item.node)
        if isinstance(item, Forced):
            return "&&" + self._describe(item.node)
        if isinstance(item, Cut):
            return "~"
        return "?"

    def _describe_alt(self, alt):
        parts = []
        for named in alt.items:
            d = self._describe(named.item)
            parts.append("%s=%s" % (named.name, d) if named.name else d)
        return " ".join(parts).replace("*/", "* /")

    def _describe_rule(self, rule):
        if rule.is_loop:
            return "%s: %s%s" % (rule.name, self._describe(rule.alts[0].items[0].item),
                                 "+" if rule.name.startswith("_loop1") else "*")
        if rule.is_gather:
            sep, elem = rule.gather
            return "%s: %s.%s+" % (rule.name, self._describe(sep), self._describe(elem))
        return "%s: %s" % (rule.name, " | ".join(self._describe_alt(a) for a in rule.alts))
