# The Korean codecs' tables (_codecs_kr) against the reference, by digest.
from _tables import report

report("euc_kr")
report("cp949")
report("johab")
