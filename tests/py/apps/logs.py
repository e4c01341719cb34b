import io
import logging
import logging.handlers
import json
import sys

stream = io.StringIO()


class JsonFormatter(logging.Formatter):
    def format(self, record):
        return json.dumps({"lvl": record.levelname, "name": record.name, "msg": record.getMessage(),
                           "extra": getattr(record, "user", None)}, sort_keys=True)


class OnlyEven(logging.Filter):
    def filter(self, record):
        record.count = getattr(record, "count", 0)
        return record.lineno % 2 == 0 or record.levelno >= logging.ERROR


class ListHandler(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(self.format(record))


root = logging.getLogger()
root.setLevel(logging.DEBUG)
h1 = logging.StreamHandler(stream)
h1.setFormatter(logging.Formatter("%(levelname)-8s %(name)s: %(message)s"))
h1.setLevel(logging.INFO)
root.addHandler(h1)
h2 = ListHandler()
h2.setFormatter(JsonFormatter())
app = logging.getLogger("app")
app.addHandler(h2)
db = logging.getLogger("app.db")
db.setLevel(logging.WARNING)

app.debug("debug %d", 1)
app.info("info %s", "two")
app.warning("warn %(x)s", {"x": 3})
db.info("hidden")
db.error("db error", extra={"user": "bob"})
logging.getLogger("other").critical("crit!")
try:
    1 / 0
except ZeroDivisionError:
    app.exception("failed to divide")
print(stream.getvalue().replace("\n", "\n| "))
print(*h2.records, sep="\n")

s2 = io.StringIO()
lg = logging.getLogger("fmt")
lg.propagate = False
h = logging.StreamHandler(s2)
lg.addHandler(h)
for style, fmt in [("%", "%(levelname)s|%(message)s|%(funcName)s"), ("{", "{levelname:>7}|{message}|{lineno:d}"),
                   ("$", "$levelname $name ${message}")]:
    h.setFormatter(logging.Formatter(fmt, style=style))
    lg.warning("hello %s", style)
h.addFilter(OnlyEven())
for i in range(4):
    lg.warning("filtered %d", i)
lg.error("always")
h.removeFilter(h.filters[0])
h.setFormatter(logging.Formatter("%(asctime)s %(message)s", datefmt="%Y"))
logging.Formatter.converter = lambda *a: (2000, 1, 1, 0, 0, 0, 5, 1, 0)
lg.warning("dated")
print(s2.getvalue(), end="")

mem_target = ListHandler()
mem_target.setFormatter(logging.Formatter("%(name)s:%(levelname)s:%(message)s"))
mh = logging.handlers.MemoryHandler(3, flushLevel=logging.ERROR, target=mem_target)
ml = logging.getLogger("mem")
ml.propagate = False
ml.addHandler(mh)
ml.info("a"); ml.info("b")
print("before flush", mem_target.records)
ml.error("c")
print("after flush", mem_target.records)
mh.close()

ad = logging.LoggerAdapter(logging.getLogger("adapt"), {"user": "zed"})
class Adapter(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return f"[{self.extra['user']}] {msg}", kwargs
s3 = io.StringIO()
al = logging.getLogger("adapt")
al.propagate = False
ah = logging.StreamHandler(s3)
ah.setFormatter(logging.Formatter("%(message)s %(user)s"))
al.addHandler(ah)
ad.info("plain")
sys.stderr = io.StringIO()
Adapter(al, {"user": "amy"}).warning("custom")
import re
print(re.sub(r'File ".*/logging/', 'File "LOGGING/', sys.stderr.getvalue()))
sys.stderr = sys.__stderr__
print(s3.getvalue(), end="")
print(logging.getLevelName(logging.WARNING), logging.getLevelName(25), logging.getLevelName("INFO"),
      logging.getLevelNamesMapping()["ERROR"], app.getEffectiveLevel(), db.getEffectiveLevel(),
      app.isEnabledFor(logging.DEBUG), db.isEnabledFor(logging.INFO))
logging.addLevelName(25, "NOTICE")
app.log(25, "notice me")
print(stream.getvalue().splitlines()[-1])
print(app.getChild("x.y").name, logging.getLogger("app.x.y").parent.name, repr(app), repr(root), repr(h1)[:30])
q = []
import queue
qq = queue.SimpleQueue()
qh = logging.handlers.QueueHandler(qq)
ql = logging.getLogger("q")
ql.propagate = False
ql.addHandler(qh)
ql.warning("queued %s", "msg")
rec = qq.get_nowait()
print(rec.getMessage(), rec.msg, rec.args, rec.levelname)
import logging.config
logging.config.dictConfig({
    "version": 1, "disable_existing_loggers": False,
    "formatters": {"brief": {"format": "%(name)s>%(message)s"}},
    "handlers": {"out": {"class": "logging.StreamHandler", "formatter": "brief", "stream": "ext://sys.stdout"}},
    "loggers": {"cfg": {"handlers": ["out"], "level": "INFO", "propagate": False}},
})
logging.getLogger("cfg").info("configured")
logging.getLogger("cfg").debug("not shown")
s4 = io.StringIO()
logging.basicConfig(stream=s4, level=logging.INFO, format="%(message)s", force=True)
logging.info("basic %s", "config")
logging.warning("root warning")
print(s4.getvalue(), end="")
rec = logging.makeLogRecord({"msg": "made %s", "args": ("rec",), "levelno": 30, "levelname": "WARNING"})
print(rec.getMessage(), logging.Formatter("%(levelname)s:%(message)s").format(rec))
err = io.StringIO()
bad = logging.getLogger("bad")
bad.propagate = False
bad.addHandler(logging.StreamHandler(err))
sys.stderr = io.StringIO()
bad.warning("bad %d", "x")
txt = sys.stderr.getvalue()
sys.stderr = sys.__stderr__
print(txt.splitlines()[0], "|", txt.count("logging/__init__.py"), [l for l in txt.splitlines() if l.startswith(("TypeError", "Message", "Arguments"))])
logging.shutdown()
