"""Application logging set up with dictConfig, custom formatters, filters and handlers."""
import io
import logging
import logging.config
import logging.handlers
import sys


class ContextFilter(logging.Filter):
    def __init__(self, user="-"):
        super().__init__()
        self.user = user

    def filter(self, record):
        record.user = self.user
        return "secret" not in record.getMessage()


class JsonishFormatter(logging.Formatter):
    def format(self, record):
        base = {"lvl": record.levelname, "name": record.name, "msg": record.getMessage()}
        if record.exc_info:
            base["exc"] = self.formatException(record.exc_info).splitlines()[-1]
        return repr(base)


main_stream = io.StringIO()
json_stream = io.StringIO()
CONFIG = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"ctx": {"()": ContextFilter, "user": "alice"}},
    "formatters": {
        "plain": {"format": "%(levelname)-8s %(name)s [%(user)s] %(message)s"},
        "brace": {"format": "{levelname:.1s}:{name}:{message}", "style": "{"},
        "json": {"()": JsonishFormatter},
    },
    "handlers": {
        "main": {"class": "logging.StreamHandler", "stream": main_stream,
                 "formatter": "plain", "filters": ["ctx"], "level": "DEBUG"},
        "errors": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout",
                   "formatter": "brace", "level": "ERROR"},
        "json": {"class": "logging.StreamHandler", "stream": json_stream, "formatter": "json"},
    },
    "loggers": {
        "app": {"level": "DEBUG", "handlers": ["main", "errors"], "propagate": False},
        "app.db": {"level": "WARNING"},
        "audit": {"handlers": ["json"], "level": "INFO"},
    },
    "root": {"level": "CRITICAL", "handlers": []},
}
logging.config.dictConfig(CONFIG)

log = logging.getLogger("app")
log.debug("starting %s v%d", "server", 2)
log.info("listening on %(host)s:%(port)d", {"host": "0.0.0.0", "port": 8080})
log.warning("the secret is 42")
logging.getLogger("app.db").info("hidden: below WARNING")
logging.getLogger("app.db").warning("slow query %.2fs", 1.5)
log.error("request failed: %r", ValueError("bad"))
try:
    1 / 0
except ZeroDivisionError:
    log.exception("division trouble")
    logging.getLogger("audit").exception("audited")
logging.getLogger("audit").info("user %s logged in", "bob")
logging.getLogger("audit.sub").warning("propagated to %s", "audit")
log.log(25, "custom level")
logging.addLevelName(25, "NOTICE")
log.log(25, "named custom level")

text = main_stream.getvalue()
# The traceback of log.exception names this file: keep only the stable lines.
for line in text.splitlines():
    if not line.startswith("  File"):
        print("main|", line)
print("json|", json_stream.getvalue().replace("\n", "\njson| ").rstrip("json| "))

print(log.getEffectiveLevel(), logging.getLogger("app.db").getEffectiveLevel(),
      logging.getLogger("app.db.x").getEffectiveLevel(), log.isEnabledFor(logging.DEBUG))
print(logging.getLevelName(25), logging.getLevelName("NOTICE"), logging.getLevelName(33))
print(logging.getLogger("app.db").parent.name, logging.getLogger().name,
      logging.getLogger("app") is log)

# A memory handler buffering until an error, with a capacity
target_stream = io.StringIO()
target = logging.StreamHandler(target_stream)
target.setFormatter(logging.Formatter("%(levelno)s|%(message)s"))
mem = logging.handlers.MemoryHandler(capacity=3, flushLevel=logging.ERROR, target=target)
buf = logging.getLogger("buffered")
buf.propagate = False
buf.setLevel(logging.DEBUG)
buf.addHandler(mem)
for i in range(4):
    buf.info("item %d", i)
print("after 4 infos:", target_stream.getvalue().split())
buf.error("boom")
print("after error:", target_stream.getvalue().split())
mem.close()

# LoggerAdapter and extra
adapter_stream = io.StringIO()
h = logging.StreamHandler(adapter_stream)
h.setFormatter(logging.Formatter("%(conn)s %(message)s"))
conn_log = logging.getLogger("conn")
conn_log.propagate = False
conn_log.addHandler(h)
conn_log.setLevel(logging.INFO)


class ConnAdapter(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        return f"[{self.extra['id']}] {msg}", {**kwargs, "extra": {"conn": self.extra["id"]}}


ConnAdapter(conn_log, {"id": "c7"}).info("opened")
conn_log.info("raw", extra={"conn": "c0"})
try:
    conn_log.info("clash", extra={"message": "x"})
except KeyError as exc:
    print("extra clash:", exc)
print(adapter_stream.getvalue(), end="")

# lastResort goes to stderr
logging.getLogger("nohandlers").propagate = False
logging.getLogger("nohandlers").warning("to last resort")
logging.getLogger("nohandlers").info("dropped")

# Formatter features
rec = logging.LogRecord("n", logging.INFO, "path/x.py", 12, "value=%s", ("v",), None,
                        func="fn")
for fmt, style in [("%(name)s:%(lineno)d:%(funcName)s:%(message)s", "%"),
                   ("${levelname} ${module} ${filename}", "$"),
                   ("{msg!r} {args}", "{")]:
    print(logging.Formatter(fmt, style=style).format(rec))
try:
    logging.Formatter("%(nosuch", style="%").format(rec)
except ValueError as exc:
    print("formatter:", exc)
try:
    logging.Formatter("{x", style="{")
except ValueError as exc:
    print("formatter:", exc)
print(repr(logging.getLogger("app")), repr(mem.target), logging.root)
logging.shutdown()
