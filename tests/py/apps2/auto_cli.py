"""A typer-like CLI built from function signatures with inspect, plus a tiny dependency injector."""
import enum
import functools
import inspect
import typing
from dataclasses import dataclass
from typing import Annotated, Literal, Optional


class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


@dataclass
class Help:
    text: str


COMMANDS = {}


def command(fn):
    COMMANDS[fn.__name__.replace("_", "-")] = fn
    return fn


@command
def greet(name: str, times: int = 1, *, loud: bool = False,
          color: Color = Color.RED, punct: Literal["!", "."] = "!") -> str:
    """Greet someone.

    Repeats the greeting.
    """
    text = f"hello {name}{punct}" * times
    return (text.upper() if loud else text) + f" [{color.value}]"


@command
def add_numbers(*values: Annotated[float, Help("numbers to add")], precision: Optional[int] = None) -> float:
    """Add numbers."""
    total = sum(values)
    return round(total, precision) if precision is not None else total


@command
def tag(item: str, /, *tags: str, **meta: str):
    return f"{item}: {sorted(tags)} {sorted(meta.items())}"


def convert(value, annotation):
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return convert(value, typing.get_args(annotation)[0])
    if origin is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return convert(value, args[0])
    if origin is Literal:
        if value not in typing.get_args(annotation):
            raise ValueError(f"{value!r} not in {typing.get_args(annotation)}")
        return value
    if annotation is bool:
        return value.lower() in ("1", "true", "yes")
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return annotation(value)
    if annotation is inspect.Parameter.empty:
        return value
    return annotation(value)


def run(argv):
    name, *rest = argv
    fn = COMMANDS[name]
    sig = inspect.signature(fn)
    hints = typing.get_type_hints(fn, include_extras=True)
    args, kwargs = [], {}
    params = list(sig.parameters.values())
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    var_pos = next((p for p in params if p.kind is p.VAR_POSITIONAL), None)
    i = 0
    while rest:
        tok = rest.pop(0)
        if tok.startswith("--"):
            key, _, val = tok[2:].partition("=")
            key = key.replace("-", "_")
            p = sig.parameters.get(key)
            ann = hints.get(key, str) if p else str
            if p is not None and hints.get(key) is bool and not val:
                val = "true"
            kwargs[key] = convert(val, ann)
        else:
            if i < len(positional):
                p = positional[i]
            elif var_pos:
                p = var_pos
            else:
                raise TypeError(f"too many arguments: {tok!r}")
            args.append(convert(tok, hints.get(p.name, str)))
            i += 1
    bound = sig.bind(*args, **kwargs)
    bound.apply_defaults()
    return fn(*bound.args, **bound.kwargs), dict(bound.arguments)


def usage(fn):
    sig = inspect.signature(fn)
    parts = []
    for p in sig.parameters.values():
        kind = {p.POSITIONAL_ONLY: "posonly", p.POSITIONAL_OR_KEYWORD: "pos", p.VAR_POSITIONAL: "*",
                p.KEYWORD_ONLY: "kwonly", p.VAR_KEYWORD: "**"}[p.kind]
        default = "" if p.default is p.empty else f"={p.default!r}"
        parts.append(f"{p.name}<{kind}>{default}")
    return f"{fn.__name__}({', '.join(parts)}) -> {sig.return_annotation!r}"


for name, fn in COMMANDS.items():
    print(usage(fn))
    print("   ", inspect.getdoc(fn).splitlines()[0] if fn.__doc__ else "(no doc)", "|", str(inspect.signature(fn)))
for argv in [["greet", "ann"], ["greet", "bob", "3", "--loud"], ["greet", "cy", "--color=blue", "--punct=."],
             ["greet", "dee", "--punct=?"], ["greet", "eve", "--color=green"], ["add-numbers", "1.5", "2.25", "3"],
             ["add-numbers", "0.1", "0.2", "--precision=3"], ["tag", "x", "b", "a", "--owner=me"],
             ["greet"], ["greet", "a", "1", "extra"], ["greet", "a", "--nope=1"]]:
    try:
        result, arguments = run(argv)
        print(argv, "->", repr(result), arguments)
    except (TypeError, ValueError) as exc:
        print(argv, "!!", type(exc).__name__, exc)

sig = inspect.signature(greet)
print(sig.parameters["times"], sig.parameters["color"].annotation, sig.parameters["loud"].kind,
      sig.parameters["loud"].kind.description, repr(sig.parameters["name"]))
print(sig.replace(return_annotation=int), sig.parameters["times"].replace(default=5, annotation=float))
print(sig.bind_partial(times=3), sig.bind("x").arguments)
try:
    sig.bind(1, 2, 3)
except TypeError as exc:
    print("bind:", exc)
try:
    sig.bind(loud=True)
except TypeError as exc:
    print("bind:", exc)
print(inspect.signature(tag).bind("i", "t1", k="v"))
try:
    inspect.signature(tag).bind(item="i")
except TypeError as exc:
    print("bind:", exc)
print(inspect.Signature([inspect.Parameter("a", inspect.Parameter.POSITIONAL_ONLY),
                         inspect.Parameter("b", inspect.Parameter.KEYWORD_ONLY, default=None)]))
try:
    inspect.Signature([inspect.Parameter("a", inspect.Parameter.KEYWORD_ONLY),
                       inspect.Parameter("b", inspect.Parameter.POSITIONAL_OR_KEYWORD)])
except ValueError as exc:
    print("Signature:", exc)
print(inspect.signature(functools.partial(greet, "fixed", loud=True)))
print(inspect.signature(lambda a, b=2, *c, d, e=5, **f: None), inspect.signature(len), inspect.signature(dict.get))
print(inspect.signature(Color), inspect.signature(Help), inspect.signature(range) if False else "-")
try:
    inspect.signature(print) and print("print has a signature:", inspect.signature(print))
except ValueError as exc:
    print("ValueError:", exc)


class Container:
    def __init__(self):
        self.providers = {}

    def register(self, cls, factory=None):
        self.providers[cls] = factory or cls

    def resolve(self, cls):
        factory = self.providers[cls]
        hints = typing.get_type_hints(factory.__init__ if isinstance(factory, type) else factory)
        deps = {name: self.resolve(tp) for name, tp in hints.items() if name != "return" and tp in self.providers}
        return factory(**deps)


class Config:
    def __init__(self):
        self.dsn = "sqlite://"


class Database:
    def __init__(self, config: Config):
        self.config = config


class Service:
    def __init__(self, db: Database, config: Config, name: str = "svc"):
        self.db, self.config, self.name = db, config, name


c = Container()
for cls in (Config, Database, Service):
    c.register(cls)
svc = c.resolve(Service)
print(type(svc.db).__name__, svc.db.config.dsn, svc.name)
print([n for n, _ in inspect.getmembers(Service, inspect.isfunction)], inspect.isclass(Service), inspect.ismethod(svc.__init__),
      inspect.getmodule(Service).__name__, inspect.getsourcelines(Config)[1] > 0, inspect.getsource(Config).splitlines()[0])
print(inspect.getfullargspec(greet))
print(inspect.getcallargs(greet, "x", 2, loud=True) if hasattr(inspect, "getcallargs") else "-")
print(inspect.unwrap(functools.wraps(greet)(lambda *a: a)).__name__, inspect.isgeneratorfunction(greet),
      inspect.iscoroutinefunction(greet), inspect.get_annotations(greet)["return"], inspect.cleandoc(greet.__doc__))
frame_info = inspect.stack()[0]
print(frame_info.function, frame_info.lineno > 0, frame_info.code_context[0].strip()[:30], inspect.currentframe().f_code.co_name)
