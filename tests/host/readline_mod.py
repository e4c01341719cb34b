# The readline module over GNU readline (no terminal here: history, completer settings,
# init lines, files) and rlcompleter on top of it.
import os
import readline
import rlcompleter
import tempfile

print(readline.__doc__)
print(type(readline._READLINE_VERSION).__name__, type(readline._READLINE_LIBRARY_VERSION).__name__)

print("== history")
readline.clear_history()
print(readline.get_current_history_length(), readline.get_history_item(1))
for line in ("first", "second", "third", "pi = 3.14159"):
    readline.add_history(line)
print(readline.get_current_history_length())
print([readline.get_history_item(i) for i in range(0, 6)])
readline.replace_history_item(1, "SECOND")
readline.remove_history_item(0)
print([readline.get_history_item(i) for i in range(1, 5)])
for call in (lambda: readline.remove_history_item(-1), lambda: readline.remove_history_item(99),
             lambda: readline.replace_history_item(-2, "x"),
             lambda: readline.replace_history_item(50, "x"),
             lambda: readline.replace_history_item(0, b"x"),
             lambda: readline.add_history(3)):
    try:
        call()
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__, exc)
print(readline.get_history_length())
readline.set_history_length(2)
print(readline.get_history_length())

print("== history files")
d = tempfile.mkdtemp()
path = os.path.join(d, "hist")
readline.write_history_file(path)
with open(path) as f:
    print(repr(f.read()))
readline.set_history_length(-1)
readline.clear_history()
readline.add_history("one")
readline.add_history("two")
readline.add_history("three")
readline.append_history_file(2, path)
with open(path) as f:
    print(repr(f.read()))
readline.clear_history()
readline.read_history_file(path)
print(readline.get_current_history_length(),
      [readline.get_history_item(i) for i in range(1, readline.get_current_history_length() + 1)])
try:
    readline.read_history_file(os.path.join(d, "missing"))
except OSError as exc:
    print(type(exc).__name__, exc.errno)
os.remove(path)
os.rmdir(d)

print("== completer")
print(readline.get_completer().__qualname__)  # rlcompleter's, set when it was imported


def completer(text, state):
    return None


readline.set_completer(completer)
print(readline.get_completer() is completer)
readline.set_completer()
print(readline.get_completer())
for setter in (readline.set_completer, readline.set_startup_hook, readline.set_pre_input_hook,
               readline.set_completion_display_matches_hook):
    try:
        setter(42)
    except TypeError as exc:
        print("TypeError", exc)
    setter(None)
print(repr(readline.get_completer_delims()))
readline.set_completer_delims(" \t\n=")
print(repr(readline.get_completer_delims()))
print(readline.get_begidx(), readline.get_endidx(), readline.get_completion_type())
print(repr(readline.get_line_buffer()))
readline.parse_and_bind("tab: complete")
readline.parse_and_bind("set editing-mode emacs")
readline.set_auto_history(False)
readline.set_auto_history(True)

print("== rlcompleter")
c = rlcompleter.Completer({"alpha": 1, "alphabet": 2, "beta": 3})
print([c.complete("alp", i) for i in range(3)])
print([c.complete("str.jo", i) for i in range(2)])
print([c.complete("whi", i) for i in range(2)])
print(c.complete("beta.real", 0), c.complete("beta.rea", 0))
