# Run by gen_pymath_data.py under the host's 64-bit CPython (glibc's libm, as cppy uses):
# math.gamma and math.lgamma are CPython's own Lanczos code on top of exp/pow/log, so the
# values depend on the libm; the reference's WebAssembly libm differs in the last bits.
import math
import random

rng = random.Random(2718)
out = []
xs = [0.5, 1.5, -0.5, -1.5, 1e-21, -1e-21, 171.5, 171.7, 200.5, -200.5, 140.5, -140.5, 5.0, 4.999,
      1e-300, 2.0, 3.0, 23.0, 24.0, -171.5, -180.5, 0.0, -0.0, 1.0, -1.0, -2.0, float("inf"),
      float("-inf"), float("nan")]
xs += [rng.uniform(-180, 180) for _ in range(1500)]
xs += [rng.uniform(-10, 10) for _ in range(500)]
xs += [rng.uniform(0, 1e300) for _ in range(100)]
for x in xs:
    for name, f in (("gamma", math.gamma), ("lgamma", math.lgamma)):
        try:
            r = f(x).hex()
        except ValueError:
            r = "ValueError"
        except OverflowError:
            r = "OverflowError"
        out.append("%s %s %s" % (name, x.hex(), r))
print("\n".join(out))
