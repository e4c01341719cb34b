// The reference oracle: runs Python programs under CPython 3.14.2 (pyodide@314.0.7, pinned in
// package-lock.json) and records what they print. Every expected output in the repository comes
// from here. One pyodide instance serves all the cases of a run, since its start-up costs seconds.
//
//   node tools/oracle/oracle.mjs [DIR_OR_CASE ...]   regenerate NAME.out for tests/py cases
//                                                   (default: all of tests/py) and oracle.lock
//   node tools/oracle/oracle.mjs --run FILE.py        print FILE.py's rendered result
//   node tools/oracle/oracle.mjs --batch IN.json OUT.json
//       IN.json is [{"name", "source", "filename"?}]; OUT.json gets
//       [{"name", "stdout", "stderr", "status"}] for each, run as a __main__ script.
//
// PYTHONHASHSEED is 0 unless the environment sets it. The result format is shared with
// tests/py/run_case.py (see render()).
import { loadPyodide } from "pyodide";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..", "..");
const testsRoot = path.join(repo, "tests", "py");
const lockPath = path.join(testsRoot, "oracle.lock");
const VIRTUAL_ROOT = "/cppy/tests/py";

// Which .py files under tests/py are cases (same rule as tests/CMakeLists.txt).
function isCase(rel) {
  if (!rel.endsWith(".py")) return false;
  if (rel === "run_case.py" || rel === "check_oracle_lock.py") return false;
  if (/(^|\/)_/.test(rel) || rel.includes("/data/")) return false;
  return true;
}

function walk(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "__pycache__") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

// The rendering both sides compare: stdout, then stderr and a non-zero exit status if any.
export function render(stdout, stderr, status) {
  let text = stdout;
  if (text && !text.endsWith("\n")) text += "\n[no newline at end of stdout]\n";
  if (stderr) {
    text += "--- stderr\n" + stderr;
    if (!stderr.endsWith("\n")) text += "\n[no newline at end of stderr]\n";
  }
  if (status !== 0) text += `--- exit status ${status}\n`;
  return text;
}

const sha256 = (data) => crypto.createHash("sha256").update(data).digest("hex");

// The program's module code is executed by a call of exec() from JavaScript (no Python frame
// of the runner under it), so that its frame is the first of the stack as under
// `python3 FILE.py`: recursion depth (sys.setrecursionlimit), sys._getframe() and stack
// inspections see what they see there. Pyodide leaves an exception that reaches JavaScript
// in sys.last_exc.
const RUNNER = String.raw`
import sys, os, types, atexit

_cppy_saved = None

def _cppy_prepare(path, source):
    global _cppy_saved
    dirpath = os.path.dirname(path)
    _cppy_saved = (list(sys.path), sys.argv, sys.modules.get('__main__'), os.getcwd(),
                   set(sys.modules))
    os.chdir(dirpath or '/')
    sys.argv = [os.path.basename(path)]
    sys.path.insert(0, dirpath)
    main = types.ModuleType('__main__')
    main.__file__ = path
    main.__cached__ = None
    main.__builtins__ = __builtins__
    sys.modules['__main__'] = main
    # Pyodide installs traceback.print_exception as sys.excepthook; CPython's is the builtin.
    sys.excepthook = sys.__excepthook__
    for name in ('last_exc', 'last_type', 'last_value', 'last_traceback'):
        if hasattr(sys, name):
            delattr(sys, name)
    try:
        return compile(source, path, 'exec'), main.__dict__
    except BaseException as e:
        # As at top level, a compile error has no traceback entry (this frame is dropped).
        sys.last_exc = e.with_traceback(None)
        return None, None

def _cppy_finish(failed):
    status = 0
    if failed:
        e = sys.last_exc
        for name in ('last_exc', 'last_type', 'last_value', 'last_traceback'):
            if hasattr(sys, name):
                delattr(sys, name)
        if isinstance(e, SystemExit):
            status = _cppy_exit_status(e)
        else:
            sys.excepthook(type(e), e, e.__traceback__)
            status = 1
        del e
    try:
        atexit._run_exitfuncs()
    except SystemExit as e:
        status = _cppy_exit_status(e)
    atexit._clear()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    saved = _cppy_saved
    for name in set(sys.modules) - saved[4]:
        del sys.modules[name]
    sys.path[:], sys.argv = saved[0], saved[1]
    sys.modules['__main__'] = saved[2]
    os.chdir(saved[3])
    return status

def _cppy_exit_status(e):
    # _Py_HandleSystemExit: None is 0, an int is itself, anything else is printed and gives 1.
    code = e.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xff
    try:
        sys.stderr.write(str(code) + "\n")
    except Exception:
        pass
    return 1
`;

async function makeOracle() {
  const env = { PYTHONHASHSEED: process.env.PYTHONHASHSEED ?? "0" };
  const py = await loadPyodide({ env });
  const streams = { out: [], err: [] };
  const sink = (key) => ({
    write: (buf) => {
      streams[key].push(Buffer.from(buf));
      return buf.length;
    },
  });
  py.setStdout(sink("out"));
  py.setStderr(sink("err"));
  py.setStdin({ stdin: () => null });
  py.runPython(RUNNER);
  const prepare = py.globals.get("_cppy_prepare");
  const finish = py.globals.get("_cppy_finish");
  const exec = py.pyimport("builtins").exec;
  function runMain(file, source) {
    const prepared = prepare(file, source);
    const [code, globals] = prepared.toJs({ depth: 1 });
    prepared.destroy();
    let failed = code === undefined || code === null;
    if (!failed) {
      try {
        exec(code, globals);
      } catch (e) {
        failed = true;
      }
      code.destroy();
      globals.destroy();
    }
    return finish(failed);
  }

  // Runs one program as __main__ at the virtual absolute path `file`; paths under its
  // directory are shown relative, as tests/py/run_case.py does for cppy.
  function run(file, source) {
    streams.out = [];
    streams.err = [];
    const status = runMain(file, source);
    py.runPython("import sys; sys.stdout.flush(); sys.stderr.flush()");
    const dir = path.posix.dirname(file) + "/";
    const text = (chunks) => Buffer.concat(chunks).toString("utf8").split(dir).join("");
    return { stdout: text(streams.out), stderr: text(streams.err), status };
  }
  return { py, run };
}

function mirrorTree(py, files) {
  for (const full of files) {
    const rel = path.relative(testsRoot, full);
    const target = path.posix.join(VIRTUAL_ROOT, rel.split(path.sep).join("/"));
    py.FS.mkdirTree(path.posix.dirname(target));
    py.FS.writeFile(target, fs.readFileSync(full));
  }
}

function readLock() {
  const lock = new Map();
  if (!fs.existsSync(lockPath)) return lock;
  for (const line of fs.readFileSync(lockPath, "utf8").split("\n")) {
    const m = line.match(/^([0-9a-f]{64})  ([0-9a-f]{64})  (.+)$/);
    if (m) lock.set(m[3], [m[1], m[2]]);
  }
  return lock;
}

function writeLock(lock) {
  const rows = [...lock.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const header =
    "# Written by tools/oracle/oracle.mjs: sha256(NAME.py)  sha256(NAME.out)  case.\n" +
    "# tests/py/check_oracle_lock.py fails when a case or its expected output no longer matches.\n";
  fs.writeFileSync(lockPath, header + rows.map(([k, [a, b]]) => `${a}  ${b}  ${k}\n`).join(""));
}

async function regenerate(targets) {
  const all = walk(testsRoot);
  let cases = all.map((f) => path.relative(testsRoot, f).split(path.sep).join("/")).filter(isCase);
  if (targets.length) {
    const wanted = targets.map((t) => path.relative(testsRoot, path.resolve(t)).split(path.sep).join("/"));
    cases = cases.filter((c) => wanted.some((w) => w === "" || c === w || c.startsWith(w + "/")));
  }
  const lock = readLock();
  // Forget lock rows of cases that no longer exist.
  for (const key of [...lock.keys()]) if (!fs.existsSync(path.join(testsRoot, key))) lock.delete(key);
  // One fresh interpreter per top-level directory: a long run in a single pyodide instance
  // eventually dies of a fatal wasm error (seen with about 80 cases), and the cases of one
  // directory never depend on those of another.
  let group = null;
  let run = null;
  for (const rel of cases.sort()) {
    const top = rel.split("/")[0];
    if (top !== group) {
      group = top;
      const oracle = await makeOracle();
      mirrorTree(oracle.py, all);
      run = oracle.run;
    }
    const source = fs.readFileSync(path.join(testsRoot, rel));
    const r = run(path.posix.join(VIRTUAL_ROOT, rel), source.toString("utf8"));
    const out = render(r.stdout, r.stderr, r.status);
    const outPath = path.join(testsRoot, rel.replace(/\.py$/, ".out"));
    fs.writeFileSync(outPath, out);
    lock.set(rel, [sha256(source), sha256(out)]);
    console.log(`${r.status === 0 ? "ok  " : "exit"} ${rel}`);
  }
  writeLock(lock);
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === "--run") {
    const { py, run } = await makeOracle();
    const file = path.resolve(args[1]);
    const virtual = "/cppy/run/" + path.basename(file);
    py.FS.mkdirTree("/cppy/run");
    py.FS.writeFile(virtual, fs.readFileSync(file));
    const r = run(virtual, fs.readFileSync(file, "utf8"));
    process.stdout.write(render(r.stdout, r.stderr, r.status));
    return;
  }
  if (args[0] === "--batch") {
    const items = JSON.parse(fs.readFileSync(args[1], "utf8"));
    const { py, run } = await makeOracle();
    py.FS.mkdirTree("/cppy/batch");
    const results = [];
    for (const item of items) {
      const file = path.posix.join("/cppy/batch", item.filename ?? "main.py");
      py.FS.writeFile(file, item.source);
      results.push({ name: item.name, ...run(file, item.source) });
    }
    fs.writeFileSync(args[2], JSON.stringify(results, null, 1));
    return;
  }
  await regenerate(args);
}

await main();
