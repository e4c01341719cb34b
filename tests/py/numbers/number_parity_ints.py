# str, format() with a random spec, hex, float and round() of 50 000 pseudo-random ints (the
# other 50 000 are in number_parity_ints2.py; two cases keep each one short).
from _number_parity import *

reseed(1)
run_ints("int", 50_000)
