"""Grammar analysis for the generator: helper rules for groups and repetitions, nullability,
left recursion (strongly connected components of the 'leftmost call' graph) and leaders."""
from grammar import (Alt, Cut, Forced, Gather, Group, Lookahead, NameLeaf, NamedItem, Opt,
                     Repeat0, Repeat1, Rule, StringLeaf, GrammarError)


class Desugarer:
    """Replaces groups, repetitions and gathers inside alternatives by references to
    generated helper rules (_tmp_N, _loop0_N, _loop1_N, _gather_N), as pegen does."""

    def __init__(self, grammar):
        self.grammar = grammar
        self.counter = 0
        self.new_rules = {}

    def run(self):
        for rule in list(self.grammar.rules.values()):
            for alt in rule.alts:
                self._alt(alt)
        self.grammar.rules.update(self.new_rules)

    def _name(self, prefix):
        self.counter += 1
        return "%s_%d" % (prefix, self.counter)

    def _alt(self, alt):
        for named in alt.items:
            named.item = self._item(named.item, top=True)

    def _item(self, item, top=False):
        if isinstance(item, (NameLeaf, StringLeaf, Cut)):
            return item
        if isinstance(item, Group):
            # A group with one alternative of one item and no action is just that item.
            if len(item.alts) == 1 and len(item.alts[0].items) == 1 and not item.alts[0].action:
                inner = item.alts[0].items[0]
                if inner.name is None:
                    return self._item(inner.item)
            return NameLeaf(self._helper("_tmp", item.alts))
        if isinstance(item, Opt):
            return Opt(self._item(item.node))
        if isinstance(item, Lookahead):
            return Lookahead(self._item(item.node), item.positive)
        if isinstance(item, Forced):
            return Forced(self._item(item.node))
        if isinstance(item, Repeat0):
            return NameLeaf(self._loop("_loop0", item.node))
        if isinstance(item, Repeat1):
            return NameLeaf(self._loop("_loop1", item.node))
        if isinstance(item, Gather):
            elem = self._item(item.node)
            sep = self._item(item.separator)
            name = self._name("_gather")
            # _gather_N: elem (sep elem)*, collected into one sequence.
            rule = Rule(name, None, [Alt([NamedItem("elem", elem), NamedItem("seq", sep)], None)])
            rule.gather = (sep, elem)
            self.new_rules[name] = rule
            return NameLeaf(name)
        raise GrammarError("unknown item %r" % item)

    def _helper(self, prefix, alts):
        name = self._name(prefix)
        rule = Rule(name, None, alts)
        self.new_rules[name] = rule
        for alt in alts:
            self._alt(alt)
        return name

    def _loop(self, prefix, node):
        elem = self._item(node)
        name = self._name(prefix)
        rule = Rule(name, None, [Alt([NamedItem("elem", elem)], None)])
        self.new_rules[name] = rule
        return name


def is_token_name(name):
    return name.isupper()


def compute_nullable(grammar):
    changed = True
    while changed:
        changed = False
        for rule in grammar.rules.values():
            if not rule.nullable and any(_alt_nullable(grammar, a) for a in rule.alts):
                rule.nullable = True
                changed = True
            if rule.name.startswith("_loop0") and not rule.nullable:
                rule.nullable = True
                changed = True


def _item_nullable(grammar, item):
    if isinstance(item, (Opt, Lookahead, Cut)):
        return True
    if isinstance(item, Forced):
        return _item_nullable(grammar, item.node)
    if isinstance(item, NameLeaf):
        rule = grammar.rules.get(item.value)
        return rule.nullable if rule else False
    return False


def _alt_nullable(grammar, alt):
    return all(_item_nullable(grammar, n.item) for n in alt.items)


def _leftmost_calls(grammar, rule):
    calls = set()
    for alt in rule.alts:
        for named in alt.items:
            item = named.item
            while isinstance(item, (Opt, Forced)):
                item = item.node
            if isinstance(item, Lookahead):
                continue
            if isinstance(item, NameLeaf) and item.value in grammar.rules:
                calls.add(item.value)
            if not _item_nullable(grammar, named.item):
                break
    return calls


def compute_left_recursion(grammar):
    graph = {name: _leftmost_calls(grammar, rule) for name, rule in grammar.rules.items()}
    for scc in _strongly_connected(graph):
        if len(scc) == 1:
            name = next(iter(scc))
            if name in graph[name]:
                grammar.rules[name].left_recursive = True
                grammar.rules[name].leader = True
            continue
        # Indirect left recursion: every rule of the cycle is left-recursive; the rules
        # that call themselves directly lead, and there must be at least one per cycle.
        for name in scc:
            grammar.rules[name].left_recursive = True
        leaders = [n for n in scc if n in graph[n]] or sorted(scc)[:1]
        for name in leaders:
            grammar.rules[name].leader = True
        rest = {n: graph[n] & scc - set(leaders) for n in scc - set(leaders)}
        if any(_strongly_connected(rest, only_cycles=True)):
            raise GrammarError("left-recursive cycle without a leader among %s" % sorted(scc))


def _strongly_connected(graph, only_cycles=False):
    """Tarjan's algorithm; yields sets of rule names."""
    index = {}
    low = {}
    stack = []
    on_stack = set()
    result = []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            scc = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                scc.add(w)
                if w == v:
                    break
            if not only_cycles or len(scc) > 1 or v in graph.get(v, ()):
                result.append(scc)

    import sys
    sys.setrecursionlimit(max(10000, sys.getrecursionlimit()))
    for v in graph:
        if v not in index:
            visit(v)
    return result
