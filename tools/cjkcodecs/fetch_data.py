"""Regenerates tools/cjkcodecs/data/ from the reference CPython 3.14.2 (tools/oracle): the
mapping tables of the CJK codec modules as the reference holds them (dump_maps.py) and the
data its codecs keep in static arrays (dump_derived.py). `--check` compares instead.

    python3 tools/cjkcodecs/fetch_data.py [--check]
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "oracle"))
import oracle_run  # noqa: E402

outputs = {}
for script, data in (("dump_maps.py", "maps.txt"), ("dump_derived.py", "derived.txt")):
    outputs[os.path.join(HERE, "data", data)] = oracle_run.run_script(os.path.join(HERE, script))
oracle_run.write_or_check(outputs)
