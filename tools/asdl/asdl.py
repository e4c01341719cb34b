"""A reader for ASDL (the Zephyr Abstract Syntax Description Language) as Python.asdl uses it.

    module NAME { definition* }
    definition   := TYPE '=' constructor ('|' constructor)* [attributes]    a sum type
                  | TYPE '=' fields [attributes]                            a product type
    constructor  := NAME [fields]
    fields       := '(' field (',' field)* ')'
    field        := TYPE ['?'] ['*'] NAME
    attributes   := 'attributes' fields

Comments run from '--' to the end of the line. `parse(text)` returns a Module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field as dc_field

BUILTIN_TYPES = ("identifier", "string", "constant", "int")


@dataclass
class Field:
    type: str
    name: str
    seq: bool = False   # T*
    opt: bool = False   # T? (with seq: the items may be null)


@dataclass
class Constructor:
    name: str
    fields: list[Field] = dc_field(default_factory=list)


@dataclass
class Sum:
    types: list[Constructor]
    attributes: list[Field] = dc_field(default_factory=list)


@dataclass
class Product:
    fields: list[Field]
    attributes: list[Field] = dc_field(default_factory=list)


@dataclass
class Type:
    name: str
    value: Sum | Product


@dataclass
class Module:
    name: str
    dfns: list[Type]

    def is_simple(self, type_name: str) -> bool:
        """A sum whose constructors carry nothing: an enumeration."""
        for d in self.dfns:
            if d.name == type_name:
                return is_simple_sum(d.value)
        return False


def is_simple_sum(value: Sum | Product) -> bool:
    return (isinstance(value, Sum) and not value.attributes
            and all(not c.fields for c in value.types))


class ASDLSyntaxError(Exception):
    def __init__(self, msg: str, line: int):
        super().__init__(f"line {line}: {msg}")


_TOKEN = re.compile(r"\s+|--[^\n]*|(?P<id>[A-Za-z_][A-Za-z0-9_]*)|(?P<op>[{}()=|,?*])")


def _tokens(text: str):
    pos, line = 0, 1
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise ASDLSyntaxError(f"unexpected character {text[pos]!r}", line)
        if m.group("id") or m.group("op"):
            yield (m.group("id") or m.group("op"), line)
        line += m.group(0).count("\n")
        pos = m.end()
    yield ("", line)


class _Parser:
    def __init__(self, text: str):
        self.toks = list(_tokens(text))
        self.i = 0

    def peek(self) -> str:
        return self.toks[self.i][0]

    def next(self) -> str:
        tok = self.toks[self.i][0]
        self.i += 1
        return tok

    def expect(self, want: str) -> str:
        tok, line = self.toks[self.i]
        if want == "NAME" and re.fullmatch(r"[A-Za-z_]\w*", tok or "-"):
            self.i += 1
            return tok
        if tok != want:
            raise ASDLSyntaxError(f"expected {want!r}, found {tok or 'end of file'!r}", line)
        self.i += 1
        return tok

    def module(self) -> Module:
        if self.expect("NAME") != "module":
            raise ASDLSyntaxError("expected 'module'", self.toks[0][1])
        name = self.expect("NAME")
        self.expect("{")
        dfns = []
        while self.peek() != "}":
            dfns.append(self.definition())
        self.expect("}")
        self.expect("")
        return Module(name, dfns)

    def definition(self) -> Type:
        name = self.expect("NAME")
        self.expect("=")
        if self.peek() == "(":
            value = Product(self.fields())
        else:
            ctors = [self.constructor()]
            while self.peek() == "|":
                self.next()
                ctors.append(self.constructor())
            value = Sum(ctors)
        if self.peek() == "attributes":
            self.next()
            value.attributes = self.fields()
        return Type(name, value)

    def constructor(self) -> Constructor:
        name = self.expect("NAME")
        return Constructor(name, self.fields() if self.peek() == "(" else [])

    def fields(self) -> list[Field]:
        self.expect("(")
        out = [self.field()]
        while self.peek() == ",":
            self.next()
            out.append(self.field())
        self.expect(")")
        return out

    def field(self) -> Field:
        ftype = self.expect("NAME")
        opt = seq = False
        if self.peek() == "?":
            self.next()
            opt = True
        if self.peek() == "*":
            self.next()
            seq = True
        return Field(ftype, self.expect("NAME"), seq=seq, opt=opt)


def check(mod: Module) -> None:
    """Every field type is a builtin or a defined type; names are unique."""
    defined = {d.name for d in mod.dfns}
    if len(defined) != len(mod.dfns):
        raise ValueError("a type is defined twice")
    seen = set()
    for d in mod.dfns:
        fields = list(d.value.attributes)
        if isinstance(d.value, Sum):
            for c in d.value.types:
                if c.name in seen:
                    raise ValueError(f"constructor {c.name} is defined twice")
                seen.add(c.name)
                fields += c.fields
        else:
            fields += d.value.fields
        for f in fields:
            if f.type not in defined and f.type not in BUILTIN_TYPES:
                raise ValueError(f"{d.name}: field {f.name} has undefined type {f.type}")


def parse(text: str) -> Module:
    mod = _Parser(text).module()
    check(mod)
    return mod
