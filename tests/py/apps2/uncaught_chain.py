"""A data loader that fails: the uncaught error's traceback, chained causes and notes go to stderr."""
import json


class ConfigError(Exception):
    def __init__(self, key, problem):
        super().__init__(f"{key}: {problem}")
        self.key = key


def parse_port(value):
    try:
        port = int(value)
    except ValueError as exc:
        raise ConfigError("port", f"not a number ({value!r})") from exc
    if not 0 < port < 65536:
        raise ConfigError("port", "out of range")
    return port


def load(text):
    data = json.loads(text)
    settings = {}
    for key, value in data.items():
        try:
            if key == "port":
                settings[key] = parse_port(value)
            elif key == "workers":
                settings[key] = 64 // value
            else:
                settings[key] = value
        except ZeroDivisionError:
            raise ConfigError(key, "must not be zero")
    return settings


print(load('{"port": "8080", "workers": 4}'))
for text in ['{"port": "http"}', '{"workers": 0}', '{"port": 70000}', '{"port": 1,}']:
    try:
        load(text)
    except (ConfigError, json.JSONDecodeError) as exc:
        print(type(exc).__name__, exc, "| cause:", repr(exc.__cause__), "| context:",
              type(exc.__context__).__name__)


def validate_all(items):
    errors = []
    for i, item in enumerate(items):
        try:
            parse_port(item)
        except ConfigError as exc:
            exc.add_note(f"item #{i}")
            errors.append(exc)
    if errors:
        raise ExceptionGroup("validation failed", errors)


try:
    validate_all(["1", "x", "99999"])
except* ConfigError as eg:
    for e in eg.exceptions:
        print("caught:", e, e.__notes__)


class Resource:
    def __enter__(self):
        print("acquire")
        return self

    def __exit__(self, *exc):
        print("release, exc =", exc[0].__name__ if exc[0] else None)
        return False


def main():
    with Resource():
        settings = load('{"port": "80", "workers": 2}')
        print(settings)
        try:
            load('{"workers": 0}')
        finally:
            print("cleanup in finally")


main()
print("not reached")
