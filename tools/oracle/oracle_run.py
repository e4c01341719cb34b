"""What the reference-data generators of tools/ share: running a script under the reference
CPython 3.14.2 (oracle.mjs --run) and writing, or with --check comparing, the committed data.

    import oracle_run   (with tools/oracle on sys.path)
"""
import json
import os
import subprocess
import sys
import tempfile

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
ORACLE = os.path.join(REPO, "tools", "oracle", "oracle.mjs")


def run_script(path):
    """The stdout of `path` run by the reference; exits when the run failed."""
    proc = subprocess.run(["node", ORACLE, "--run", path], capture_output=True, text=True,
                          check=True)
    if "\n--- " in proc.stdout or proc.stdout.startswith("--- "):
        sys.exit("the oracle run failed:\n" + proc.stdout[-2000:])
    return proc.stdout


def run_source(source, name="program"):
    """The stdout of a program given as text, run by the reference (oracle.mjs --batch);
    exits with its stderr when it fails."""
    with tempfile.TemporaryDirectory() as tmp:
        batch_in = os.path.join(tmp, "in.json")
        batch_out = os.path.join(tmp, "out.json")
        with open(batch_in, "w", encoding="utf-8") as f:
            json.dump([{"name": name, "source": source}], f)
        subprocess.run(["node", ORACLE, "--batch", batch_in, batch_out], check=True,
                       stdout=subprocess.DEVNULL)
        with open(batch_out, encoding="utf-8") as f:
            result = json.load(f)[0]
    if result["status"] != 0:
        sys.stderr.write(result["stderr"])
        sys.exit("the reference failed")
    return result["stdout"]


def write_or_check(outputs, argv=None):
    """outputs: {path: text}. Writes each file, or with --check in argv exits naming the
    first committed file that differs from the generator's output."""
    check = "--check" in (sys.argv if argv is None else argv)
    for path, data in outputs.items():
        rel = os.path.relpath(path, REPO)
        if check:
            with open(path) as f:
                if f.read() != data:
                    sys.exit("%s differs from the generator's output" % rel)
        else:
            with open(path, "w") as f:
                f.write(data)
