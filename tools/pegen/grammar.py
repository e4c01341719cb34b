"""The grammar model and the parser of .gram files for cppy's PEG parser generator.

A .gram file is a list of directives and rules:

    @header '''text copied to the top of the generated file'''
    @trailer '''text copied to the end'''
    rule_name[ReturnType] (memo):
        | item item ... { action }
        | ...

Items: `name=item` binds a variable; `NAME` is a rule or a token type; `'if'` is a keyword
(identifier) or an operator; `"match"` is a soft keyword; `( alts )` groups; `[ alts ]` and
`item?` are optional; `item*` and `item+` repeat; `sep.item+` is a separated repetition
(gather); `&item` and `!item` look ahead; `&&item` forces the item (error if absent); `~` is
a cut (once passed, later alternatives of the rule are not tried).
"""
import io
import token
import tokenize


class Leaf:
    def __init__(self, value):
        self.value = value


class NameLeaf(Leaf):
    def __repr__(self):
        return self.value


class StringLeaf(Leaf):
    def __repr__(self):
        return self.value


class Group:
    def __init__(self, alts):
        self.alts = alts


class Opt:
    def __init__(self, node):
        self.node = node


class Repeat0:
    def __init__(self, node):
        self.node = node


class Repeat1:
    def __init__(self, node):
        self.node = node


class Gather:
    def __init__(self, separator, node):
        self.separator = separator
        self.node = node


class Lookahead:
    def __init__(self, node, positive):
        self.node = node
        self.positive = positive


class Forced:
    def __init__(self, node):
        self.node = node


class Cut:
    pass


class NamedItem:
    def __init__(self, name, item, type_=None):
        self.name = name
        self.item = item
        self.type = type_


class Alt:
    def __init__(self, items, action):
        self.items = items
        self.action = action


class Rule:
    def __init__(self, name, type_, alts, memo=False):
        self.name = name
        self.type = type_
        self.alts = alts
        self.memo = memo
        self.left_recursive = False
        self.leader = False
        self.nullable = False

    @property
    def is_loop(self):
        return self.name.startswith("_loop")

    @property
    def is_gather(self):
        return self.name.startswith("_gather")


class Grammar:
    def __init__(self, rules, metas):
        self.rules = rules  # name -> Rule, in file order
        self.metas = metas  # directive -> text


class GrammarError(Exception):
    pass


class _Tokens:
    """A cursor over Python tokens of the .gram text, without comments and blank lines."""

    def __init__(self, text):
        self.text = text
        self.lines = text.splitlines(True)
        skip = {tokenize.COMMENT, tokenize.NL, tokenize.ENCODING}
        # Python's tokenizer reports '!', '?' and '$' as error tokens, sometimes with the
        # following blank as one more; the blanks mean nothing in a grammar.
        self.toks = [t for t in tokenize.generate_tokens(io.StringIO(text).readline)
                     if t.type not in skip
                     and not (t.type == tokenize.ERRORTOKEN and not t.string.strip())]
        self.pos = 0

    def peek(self, offset=0):
        return self.toks[min(self.pos + offset, len(self.toks) - 1)]

    def next(self):
        tok = self.peek()
        self.pos += 1
        return tok

    def at(self, string):
        return self.peek().string == string

    def expect(self, string):
        tok = self.next()
        if tok.string != string:
            raise GrammarError("line %d: expected %r, found %r" % (tok.start[0], string, tok.string))
        return tok

    def offset(self, pos):
        line, col = pos
        return sum(len(l) for l in self.lines[: line - 1]) + col


def parse_grammar(text):
    toks = _Tokens(text)
    rules = {}
    metas = {}
    while toks.peek().type != token.ENDMARKER:
        tok = toks.peek()
        if tok.type in (token.NEWLINE, token.INDENT, token.DEDENT):
            toks.next()
            continue
        if tok.string == "@":
            toks.next()
            name = toks.next().string
            value = toks.next()
            metas[name] = eval(value.string) if value.type == token.STRING else value.string
            continue
        rule = _parse_rule(toks)
        if rule.name in rules:
            raise GrammarError("rule %s defined twice" % rule.name)
        rules[rule.name] = rule
    return Grammar(rules, metas)


def _parse_rule(toks):
    name = toks.next()
    if name.type != token.NAME:
        raise GrammarError("line %d: expected a rule name, found %r" % (name.start[0], name.string))
    type_ = None
    if toks.at("["):
        type_ = _read_balanced(toks, "[", "]")
    memo = False
    if toks.at("("):
        toks.next()
        toks.expect("memo")
        toks.expect(")")
        memo = True
    toks.expect(":")
    alts = []
    # Alternatives either follow on the same line or on indented lines starting with '|'.
    while True:
        t = toks.peek()
        if t.type in (token.NEWLINE, token.INDENT, token.DEDENT):
            toks.next()
            continue
        if t.string == "|":
            toks.next()
            alts.append(_parse_alt(toks))
            continue
        if not alts:
            alts.append(_parse_alt(toks))
            continue
        break
    return Rule(name.string, type_, alts, memo)


def _read_balanced(toks, open_, close):
    """The source text between matching brackets (exclusive), taken verbatim."""
    start = toks.expect(open_)
    depth = 1
    while True:
        tok = toks.next()
        if tok.type == token.ENDMARKER:
            raise GrammarError("line %d: unbalanced %r" % (start.start[0], open_))
        if tok.string == open_:
            depth += 1
        elif tok.string == close:
            depth -= 1
            if depth == 0:
                return toks.text[toks.offset(start.end): toks.offset(tok.start)].strip()


def _parse_alts(toks, close):
    alts = [_parse_alt(toks)]
    while toks.at("|"):
        toks.next()
        alts.append(_parse_alt(toks))
    toks.expect(close)
    return alts


def _ends_alt(tok):
    return tok.string in ("|", ")", "]", "{") or tok.type in (
        token.NEWLINE, token.ENDMARKER, token.DEDENT, token.INDENT)


def _parse_alt(toks):
    items = []
    while not _ends_alt(toks.peek()):
        items.append(_parse_named_item(toks))
    if not items:
        raise GrammarError("line %d: empty alternative" % toks.peek().start[0])
    action = None
    if toks.at("{"):
        action = " ".join(_read_balanced(toks, "{", "}").split())
    return Alt(items, action)


def _parse_named_item(toks):
    tok = toks.peek()
    if tok.type == token.NAME and toks.peek(1).string in ("=", "["):
        # name=item or name[type]=item
        if toks.peek(1).string == "=" or _is_typed_name(toks):
            name = toks.next().string
            type_ = _read_balanced(toks, "[", "]") if toks.at("[") else None
            toks.expect("=")
            return NamedItem(name, _parse_item(toks), type_)
    return NamedItem(None, _parse_item(toks))


def _is_typed_name(toks):
    # name[type]=item: find the matching ']' and check for '=' after it.
    depth = 0
    i = 1
    while True:
        t = toks.peek(i)
        if t.string == "[":
            depth += 1
        elif t.string == "]":
            depth -= 1
            if depth == 0:
                return toks.peek(i + 1).string == "="
        elif t.type == token.ENDMARKER:
            return False
        i += 1


def _parse_item(toks):
    tok = toks.peek()
    if tok.string == "&&" or (tok.string == "&" and toks.peek(1).string == "&"
                              and toks.peek(1).start == tok.end):
        toks.next()
        if tok.string == "&":
            toks.next()
        return Forced(_parse_atom(toks))
    if tok.string == "&":
        toks.next()
        return Lookahead(_parse_atom(toks), True)
    if tok.string == "!":
        toks.next()
        return Lookahead(_parse_atom(toks), False)
    if tok.string == "~":
        toks.next()
        return Cut()
    if tok.string == "[":
        toks.next()
        return Opt(Group(_parse_alts(toks, "]")))
    atom = _parse_atom(toks)
    if toks.at("?"):
        toks.next()
        return Opt(atom)
    if toks.at("*"):
        toks.next()
        return Repeat0(atom)
    if toks.at("+"):
        toks.next()
        return Repeat1(atom)
    if toks.at(".") and toks.peek(2).string == "+" or (toks.at(".") and toks.peek(1).string == "("):
        toks.next()
        node = _parse_atom(toks)
        toks.expect("+")
        return Gather(atom, node)
    return atom


def _parse_atom(toks):
    tok = toks.next()
    if tok.string == "(":
        return Group(_parse_alts(toks, ")"))
    if tok.type == token.NAME:
        return NameLeaf(tok.string)
    if tok.type == token.STRING:
        return StringLeaf(tok.string)
    raise GrammarError("line %d: unexpected %r" % (tok.start[0], tok.string))
