# The second 50 000 pseudo-random ints of number_parity_ints.py, from another seed.
from _number_parity import *

reseed(2)
run_ints("int2", 50_000)
