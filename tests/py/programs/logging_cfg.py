import logging, logging.config, sys, io

class RequestFilter(logging.Filter):
    def filter(self, record):
        record.req = getattr(record, "req", "-")
        return not record.getMessage().startswith("skip")

class UpperFormatter(logging.Formatter):
    def format(self, record):
        return super().format(record).upper()

cfg = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"req": {"()": RequestFilter}},
    "formatters": {
        "plain": {"format": "%(levelname)-8s %(name)s [%(req)s] %(message)s"},
        "brace": {"format": "{levelname}:{name}:{message}", "style": "{"},
        "dollar": {"format": "$levelno $name $message", "style": "$"},
        "upper": {"()": UpperFormatter, "fmt": "%(name)s|%(message)s"},
    },
    "handlers": {
        "out": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "plain", "filters": ["req"], "level": "DEBUG"},
        "err": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": "brace", "level": "WARNING"},
        "up": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "upper"},
    },
    "loggers": {
        "app": {"handlers": ["out"], "level": "DEBUG", "propagate": True},
        "app.db": {"handlers": ["up"], "level": "INFO"},
        "quiet": {"level": "CRITICAL", "propagate": False, "handlers": ["out"]},
    },
    "root": {"handlers": ["err"], "level": "WARNING"},
}
logging.config.dictConfig(cfg)
app = logging.getLogger("app")
app.debug("starting %s", "up")
app.info("request", extra={"req": "r42"})
app.info("skip this one")
app.warning("disk %d%% full", 93)
logging.getLogger("app.db").info("query ok")
logging.getLogger("app.db").debug("hidden")
logging.getLogger("quiet").error("not shown")
logging.getLogger("quiet").critical("shown")
logging.getLogger("other").warning("to root")
try:
    1 / 0
except ZeroDivisionError:
    app.exception("failed computing")
app.error("with stack", stack_info=False)
adapter = logging.LoggerAdapter(app, {"req": "adapted"})
adapter.info("via adapter")
print(app.getEffectiveLevel(), logging.getLevelName(app.level), logging.getLogger("app.db").parent.name, app.isEnabledFor(logging.DEBUG))
print(logging.getLevelName(35), logging.getLevelName("WARNING"), logging.getLevelNamesMapping()["FATAL"])
logging.addLevelName(25, "NOTICE")
app.log(25, "notice level")
stream = io.StringIO()
h = logging.StreamHandler(stream)
h.setFormatter(logging.Formatter("%(levelname)s:%(funcName)s:%(lineno)d:%(module)s:%(message)s"))
lg = logging.getLogger("capture"); lg.addHandler(h); lg.setLevel(logging.DEBUG); lg.propagate = False
def work():
    lg.debug("inside work")
work()
lg.info("dict arg %(a)s", {"a": 1})
print(repr(stream.getvalue()))
mh = logging.handlers.MemoryHandler(capacity=3, target=logging.StreamHandler(sys.stdout)) if hasattr(logging, "handlers") else None
import logging.handlers
mh = logging.handlers.MemoryHandler(capacity=3, flushLevel=logging.ERROR, target=logging.StreamHandler(sys.stdout))
ml = logging.getLogger("mem"); ml.addHandler(mh); ml.propagate = False; ml.setLevel(logging.DEBUG)
ml.info("m1"); ml.info("m2"); print("before flush"); ml.error("m3 error")
print(logging.getLogger("app"), logging.getLogger(), logging.getLogger("app").handlers)
try:
    logging.config.dictConfig({"version": 2})
except ValueError as e:
    print("ValueError:", e)
try:
    logging.config.dictConfig({"version": 1, "handlers": {"h": {"class": "nope.Handler"}}})
except ValueError as e:
    print("ValueError:", e)
logging.basicConfig(level=logging.INFO, format="basic %(message)s", force=True, stream=sys.stdout)
logging.info("after basicConfig force")
logging.getLogger("x.y.z").info("child of root")
logging.disable(logging.INFO)
logging.info("disabled")
logging.disable(logging.NOTSET)
logging.warning("re-enabled")
f = logging.Formatter("%(asctime)s %(message)s", datefmt="%Y")
r = logging.LogRecord("n", logging.INFO, "p.py", 10, "msg %s", ("a",), None)
r.created = 0; r.msecs = 0
print(f.format(r), r.getMessage(), r.levelname, repr(r))
logging.shutdown()
