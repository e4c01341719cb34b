# Sorting with key functions: sorted(key=lambda ...), multi-field tuple keys, reverse,
# operator.itemgetter/attrgetter, min/max with key, list.sort of records.
from operator import attrgetter, itemgetter


class Rec:
    __slots__ = ("name", "age", "score")

    def __init__(self, name, age, score):
        self.name = name
        self.age = age
        self.score = score


def run(n):
    seed = 12345
    nums = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        nums.append(seed % 100000)
    words = ["w%d" % (v % 5000) for v in nums]
    tuples = [(w, v % 100, v) for w, v in zip(words, nums)]
    recs = [Rec(w, v % 90, v % 1000) for w, v in zip(words, nums)]
    out = 0
    out += sorted(nums, key=lambda v: -v)[0]
    out += sorted(nums, key=lambda v: (v % 10, v))[5]
    out += len(sorted(words, key=lambda w: (len(w), w))[3])
    out += sorted(tuples, key=itemgetter(1, 0))[10][2]
    out += sorted(tuples, key=lambda t: t[2], reverse=True)[0][2]
    out += sorted(recs, key=attrgetter("age", "name"))[0].score
    recs.sort(key=lambda r: (r.score, r.name))
    out += recs[-1].age
    out += max(recs, key=lambda r: r.age * 1000 + r.score).score
    out += min(tuples, key=lambda t: (t[1], t[0]))[2]
    out += sorted(words, key=str.lower)[-1].__len__()
    return out


for _ in range(3):
    result = run(30000)
print(result)
