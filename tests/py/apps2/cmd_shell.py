"""An interactive-style shell driven by a script: cmd.Cmd, shlex, getopt, optparse."""
import cmd
import getopt
import io
import optparse
import shlex


class FileShell(cmd.Cmd):
    intro = "Welcome to the toy file shell. Type help or ? to list commands."
    prompt = "(toy) "
    doc_header = "Documented commands (type help <topic>):"

    def __init__(self, stdin, stdout):
        super().__init__(stdin=stdin, stdout=stdout)
        self.use_rawinput = False
        self.files = {"readme.txt": "hello", "notes.md": "# notes"}
        self.history = []

    def precmd(self, line):
        self.history.append(line.strip())
        return line.lower() if line.startswith("LS") else line

    def postcmd(self, stop, line):
        if line.strip() and not stop:
            self.stdout.write(f"[{len(self.history)}]\n")
        return stop

    def emptyline(self):
        self.stdout.write("(empty line ignored)\n")

    def default(self, line):
        self.stdout.write(f"*** Unknown syntax: {line}\n")

    def do_ls(self, arg):
        """ls [-l] -- list files"""
        opts, args = getopt.getopt(shlex.split(arg), "la")
        for name in sorted(self.files):
            if ("-l", "") in opts:
                self.stdout.write(f"{len(self.files[name]):>5} {name}\n")
            else:
                self.stdout.write(name + "\n")

    def do_cat(self, arg):
        """cat FILE... -- print files"""
        for name in shlex.split(arg):
            if name not in self.files:
                self.stdout.write(f"cat: {name}: no such file\n")
            else:
                self.stdout.write(self.files[name] + "\n")

    def do_write(self, arg):
        try:
            name, text = shlex.split(arg)
        except ValueError as exc:
            self.stdout.write(f"write: {exc}\n")
            return
        self.files[name] = text

    def help_write(self):
        self.stdout.write("write NAME TEXT -- create or replace a file\n")

    def complete_cat(self, text, line, begidx, endidx):
        return [n for n in self.files if n.startswith(text)]

    def do_EOF(self, arg):
        self.stdout.write("bye\n")
        return True

    def do_quit(self, arg):
        """quit -- leave"""
        return self.do_EOF(arg)


script = io.StringIO("\n".join([
    "ls", "ls -l", "LS", "", "cat readme.txt 'notes.md' missing", "write 'my file.txt' \"some text here\"",
    "write broken 'unterminated", "write onlyone", "ls -l", "frobnicate now", "help", "help write", "help ls",
    "help nothing", "? cat", "!shell", "quit", "ls",
]) + "\n")
out = io.StringIO()
shell = FileShell(script, out)
shell.cmdloop()
print(out.getvalue())
print(shell.completenames("c"), shell.complete_cat("no", "cat no", 4, 6), shell.history[:3])

print(shlex.split('cp -r "my dir" dest\\ name # comment', comments=True))
print(shlex.split("a 'b c' \"d 'e'\" f\\\"g"), shlex.split("x='1 2' y", posix=False))
print(shlex.quote("it's here"), shlex.quote("safe-word_1.txt"), shlex.quote(""), shlex.join(["ls", "-l", "a b"]))
lex = shlex.shlex("name = 'value' ; other=2 # done", posix=True, punctuation_chars=True)
lex.whitespace_split = False
print(list(lex))
lex = shlex.shlex("a && b || c; (d)", punctuation_chars=True)
print(list(lex))
try:
    shlex.split('unbalanced "quote')
except ValueError as exc:
    print("ValueError:", exc)

argv = ["-v", "--output=report.txt", "-n", "5", "--force", "input1", "input2"]
opts, args = getopt.getopt(argv, "vn:o:", ["output=", "force", "name="])
print(opts, args)
print(getopt.gnu_getopt(["a", "-v", "b", "--force"], "v", ["force"]))
for bad in [["-x"], ["-n"], ["--outp=1"], ["--force=yes"], ["--nam"]]:
    try:
        getopt.getopt(bad, "vn:", ["output=", "force", "name=", "names"])
    except getopt.GetoptError as exc:
        print("GetoptError:", exc.msg, "| opt:", exc.opt)

parser = optparse.OptionParser(usage="%prog [options] FILE", version="%prog 2.0", prog="legacy")
parser.add_option("-f", "--file", dest="filename", help="write report to FILE", metavar="FILE")
parser.add_option("-q", "--quiet", action="store_false", dest="verbose", default=True, help="don't print status")
parser.add_option("-n", type="int", default=1, help="count [default: %default]")
parser.add_option("--mode", choices=["fast", "slow"], default="fast")
group = optparse.OptionGroup(parser, "Dangerous Options", "Caution: use at your own risk.")
group.add_option("-g", action="store_true", help="Group option.")
parser.add_option_group(group)
opts, args = parser.parse_args(["-f", "out.txt", "-q", "-n", "3", "x"])
print(opts, args, opts.filename, opts.verbose, opts.n)
print(parser.format_help())
parser.error = lambda msg: print("optparse error:", msg)
parser.parse_args(["-n", "abc"])
parser.parse_args(["--mode", "medium"])
parser.parse_args(["--bogus"])
