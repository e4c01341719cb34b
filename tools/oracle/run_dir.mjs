// Runs a program that needs a whole directory of its own files (a package, a test suite with
// its support modules) on the reference CPython 3.14.2, for comparisons made by hand:
//
//   node tools/oracle/run_dir.mjs HOSTDIR [-m MODULE | FILE.py] [ARGS ...]
//
// HOSTDIR is mounted at the same path inside pyodide, becomes the working directory and
// sys.path[0]; the program runs as __main__ with sys.argv as given (runpy, as `python -m` or
// `python FILE`). Prints its stdout and stderr and exits with its status. Writes made under
// HOSTDIR land on the host. Cases committed under tests/py use oracle.mjs instead.
import { loadPyodide } from "pyodide";
import path from "node:path";

const args = process.argv.slice(2);
if (args.length < 2) {
  process.stderr.write("usage: node run_dir.mjs HOSTDIR [-m MODULE | FILE.py] [ARGS ...]\n");
  process.exit(2);
}
const hostDir = path.resolve(args[0]);
const rest = args.slice(1);

const env = { PYTHONHASHSEED: process.env.PYTHONHASHSEED ?? "0" };
const py = await loadPyodide({
  env,
  stdout: (s) => process.stdout.write(s + "\n"),
  stderr: (s) => process.stderr.write(s + "\n"),
});
py.FS.mkdirTree(hostDir);
py.mountNodeFS(hostDir, hostDir);
py.globals.set("_cppy_dir", hostDir);
py.globals.set("_cppy_argv", py.toPy(rest));
const status = py.runPython(String.raw`
import os, sys, runpy
def _cppy_run():
    os.chdir(_cppy_dir)
    sys.path.insert(0, _cppy_dir)
    argv = list(_cppy_argv)
    sys.excepthook = sys.__excepthook__
    try:
        if argv[0] == '-m':
            sys.argv = [argv[1]] + argv[2:]
            runpy.run_module(argv[1], run_name='__main__', alter_sys=True)
        else:
            sys.argv = argv
            runpy.run_path(argv[0], run_name='__main__')
    except SystemExit as e:
        code = e.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code & 0xff
        print(code, file=sys.stderr)
        return 1
    except BaseException as e:
        sys.excepthook(type(e), e, e.__traceback__)
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return 0
_cppy_run()
`);
process.exit(status);
