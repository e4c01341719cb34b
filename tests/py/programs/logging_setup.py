import logging
import logging.config
import sys
import io

logging.basicConfig(level=logging.DEBUG, stream=sys.stdout,
                    format="%(levelname)-8s %(name)s: %(message)s")
log = logging.getLogger("app")
log.debug("debug %d", 1)
log.info("info %s", "two")
log.warning("warn")
child = logging.getLogger("app.db")
child.setLevel(logging.WARNING)
child.info("hidden")
child.error("db error %r", {"k": 1})
try:
    1 / 0
except ZeroDivisionError:
    log.exception("math failed")
buf = io.StringIO()
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter("[%(levelname)s] %(funcName)s:%(lineno)d %(message)s"))
other = logging.getLogger("other")
other.propagate = False
other.addHandler(h)
def f():
    other.critical("critical thing")
f()
other.log(25, "custom level")
logging.addLevelName(25, "NOTICE")
other.log(25, "named level")
print(buf.getvalue(), end="")
class CtxFilter(logging.Filter):
    def filter(self, record):
        record.user = "alice"
        return record.levelno >= logging.INFO
fl = logging.getLogger("filtered")
fl.propagate = False
sh = logging.StreamHandler(sys.stdout)
sh.setFormatter(logging.Formatter("%(user)s|%(levelname)s|%(message)s"))
sh.addFilter(CtxFilter())
fl.addHandler(sh)
fl.setLevel(logging.DEBUG)
fl.debug("no"); fl.info("yes")
logging.config.dictConfig({
    "version": 1,
    "formatters": {"brief": {"format": "%(name)s %(levelname)s %(message)s"}},
    "handlers": {"out": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "brief"}},
    "loggers": {"cfg": {"handlers": ["out"], "level": "INFO", "propagate": False}},
})
c = logging.getLogger("cfg")
c.info("configured"); c.debug("nope")
la = logging.LoggerAdapter(c, {"extra": 1})
la.warning("adapter")
print(logging.getLevelName(logging.ERROR), logging.getLevelName(15), logging.getLevelName("WARNING"))
print(log, child.getEffectiveLevel(), log.isEnabledFor(logging.DEBUG))
logging.getLogger().handlers[0].setFormatter(logging.Formatter("%(message)s %(args)s"))
log.warning("args %s %s", 1, 2)
logging.lastResort
w = logging.getLogger("stderr_only")
logging.getLogger().handlers.clear()
w.warning("to last resort")
