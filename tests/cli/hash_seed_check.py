# Run with a PYTHONHASHSEED other than 0 (or none): strings interned before start-up applied
# the seed (the one-character strings) must hash like equal strings built at run time.
import sys

built = ["".join(["n"]), "N".lower(), chr(110), "xn"[1:], "__init__"[:8], "".join(["__", "name__"])]
literal = ["n", "n", "n", "n", "__init__", "__name__"]
bad = [(a, b) for a, b in zip(built, literal) if hash(a) != hash(b) or a not in {b: 1}]
d = {chr(c): c for c in range(128)}
bad += [chr(c) for c in range(128) if d.get(chr(c).lower().upper().lower()
                                               if chr(c).isalpha() else chr(c)) is None]
print("mismatches:", bad)
sys.exit(1 if bad else 0)
