# The Japanese codecs' tables (_codecs_jp) against the reference, by digest: decoding every
# short byte sequence and encoding every code point of the planes they map.
from _tables import report

report("shift_jis")
report("cp932")
report("euc_jp", triple=0x8f)
report("shift_jis_2004", planes=(0, 2))
report("shift_jisx0213", planes=(0, 2))
report("euc_jis_2004", planes=(0, 2), triple=0x8f)
report("euc_jisx0213", planes=(0, 2), triple=0x8f)
