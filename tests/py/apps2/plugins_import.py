"""A plugin loader: packages written to a temporary directory, imported, reloaded, zip-imported."""
import importlib
import importlib.abc
import importlib.resources
import importlib.util
import os
import pkgutil
import runpy
import sys
import tempfile
import textwrap
import zipfile

root = tempfile.mkdtemp(prefix="plugins-")


def write(rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(textwrap.dedent(text))


write("shop/__init__.py", '''
    """The shop package."""
    from .models import Item
    from . import pricing as _pricing
    __all__ = ["Item", "total"]
    VERSION = (1, 2)

    def total(items):
        return _pricing.apply_tax(sum(i.price for i in items))

    def __getattr__(name):
        if name == "lazy_thing":
            return "computed lazily"
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
''')
write("shop/models.py", '''
    from dataclasses import dataclass

    @dataclass
    class Item:
        name: str
        price: float
''')
write("shop/pricing.py", '''
    TAX = 0.25
    print("loading pricing, TAX =", TAX)

    def apply_tax(amount):
        return round(amount * (1 + TAX), 2)
''')
write("shop/data/catalog.txt", "apple 1.0\npear 2.5\n")
write("shop/data/__init__.py", "")
write("shop/plugins/__init__.py", "")
write("shop/plugins/discount.py", '''
    from ..pricing import apply_tax
    NAME = "discount"
    def run(amount):
        return apply_tax(amount) * 0.9
''')
write("shop/plugins/loyalty.py", '''
    NAME = "loyalty"
    def run(amount):
        return amount - 1
''')
write("shop/plugins/broken.py", '''
    NAME = "broken"
    raise ImportError("broken plugin cannot load")
''')
write("nsp/part/mod.py", "X = 'namespace module'\n")
write("script.py", '''
    import sys
    print("script running as", __name__, sys.argv[1:] if len(sys.argv) > 1 else [])
    RESULT = 6 * 7
''')
write("circ_a.py", '''
    import circ_b
    A = "a"
    def use():
        return circ_b.B + A
''')
write("circ_b.py", '''
    import circ_a
    B = "b"
    def early():
        return getattr(circ_a, "A", "A not yet defined")
    EARLY = early()
''')

sys.path.insert(0, root)
import shop
from shop import Item, total

print(shop.__doc__, shop.VERSION, shop.__all__, shop.lazy_thing, shop.__name__, shop.__package__)
print(total([Item("a", 10.0), Item("b", 6.0)]), Item("x", 1).__module__, type(shop.__spec__).__name__,
      shop.__spec__.name, shop.__spec__.submodule_search_locations is not None, os.path.basename(shop.__file__))
try:
    shop.missing
except AttributeError as exc:
    print("AttributeError:", exc)
try:
    from shop import nothing_here
except ImportError as exc:
    print("ImportError:", str(exc).replace(root, "ROOT"), "| name:", exc.name)
try:
    import shop.nonexistent
except ModuleNotFoundError as exc:
    print("ModuleNotFoundError:", exc, exc.name)

plugins = {}
for info in sorted(pkgutil.iter_modules(shop.plugins.__path__ if hasattr(shop, "plugins") else
                                         [os.path.join(root, "shop", "plugins")]), key=lambda i: i.name):
    try:
        mod = importlib.import_module(f"shop.plugins.{info.name}")
    except ImportError as exc:
        print("skipping", info.name, "->", exc)
        continue
    plugins[mod.NAME] = mod
print(sorted(plugins), [round(plugins[n].run(100), 2) for n in sorted(plugins)])
print(sorted(name for name in sys.modules if name.startswith("shop")))

import shop.pricing as pricing
with open(os.path.join(root, "shop", "pricing.py"), "a") as f:
    f.write("TAX = 0.5\n")
importlib.invalidate_caches()
reloaded = importlib.reload(pricing)
print(reloaded is pricing, pricing.TAX, shop.total([Item("c", 10.0)]))

files = importlib.resources.files("shop.data")
print(files.joinpath("catalog.txt").read_text().split(), sorted(p.name for p in files.iterdir()))
print(importlib.resources.files("shop").joinpath("data", "catalog.txt").is_file())

import nsp.part.mod
print(nsp.part.mod.X, nsp.__file__, type(nsp.__path__).__name__, nsp.__spec__.origin)

spec = importlib.util.spec_from_file_location("standalone", os.path.join(root, "shop", "plugins", "loyalty.py"))
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
print(mod.__name__, mod.run(5), "standalone" in sys.modules)
print(importlib.util.find_spec("shop.models").name, importlib.util.find_spec("no_such_mod"),
      importlib.util.resolve_name("..pricing", "shop.plugins.discount"))

ns = runpy.run_path(os.path.join(root, "script.py"), run_name="__main__")
print(ns["RESULT"])
sys.argv = ["prog", "arg1"]
ns = runpy.run_module("script", run_name="not_main")
print(ns["__name__"])

import circ_a
print(circ_a.use(), circ_a.circ_b.EARLY)

zpath = os.path.join(root, "bundle.zip")
with zipfile.ZipFile(zpath, "w") as z:
    z.writestr("zipped/__init__.py", "WHERE = 'inside a zip'\n")
    z.writestr("zipped/util.py", "def f():\n    return __name__, __file__.endswith('util.py')\n")
    z.writestr("flat.py", "import sys\nVALUE = 99\n")
sys.path.insert(0, zpath)
import flat
import zipped.util
print(flat.VALUE, zipped.WHERE, zipped.util.f(), type(flat.__loader__).__name__, flat.__spec__.loader.__class__.__name__)


class UpperFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves modules named 'virtual_*' from memory."""

    def find_spec(self, name, path, target=None):
        if name.startswith("virtual_"):
            return importlib.util.spec_from_loader(name, self)
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.SHOUT = module.__name__.split("_", 1)[1].upper()


sys.meta_path.insert(0, UpperFinder())
import virtual_hello
print(virtual_hello.SHOUT, virtual_hello.__spec__.origin, repr(virtual_hello)[:30])
sys.meta_path.pop(0)
del sys.modules["virtual_hello"]
try:
    import virtual_gone
except ModuleNotFoundError as exc:
    print("ModuleNotFoundError:", exc)
print(__import__("shop.models", fromlist=["Item"]).__name__, __import__("shop").__name__)
mod = type(sys)("made_by_hand", "a doc")
mod.x = 1
print(mod, mod.__doc__, vars(mod).keys())
