# pprint, random with a fixed seed, statistics, itertools recipes, enum-free misc modules.
import pprint, random, statistics
data = {'name': 'cppy', 'versions': list(range(20)), 'nested': {'deep': [{'a': 1, 'b': [1, 2, 3] * 4}], 'z': None}, 'tuple': (1, 'two')}
pprint.pprint(data)
pprint.pprint(data, width=40, depth=2)
print(pprint.pformat(list(range(5)), width=5), pprint.pformat({'b': 1, 'a': 2}), pprint.pformat({'b': 1, 'a': 2}, sort_dicts=False))
print(pprint.isreadable({'a': [1]}), pprint.isrecursive([1]), pprint.saferepr('x' * 5))
pprint.pp({'z': 1, 'y': 2})
rng = random.Random(12345)
print(rng.random(), rng.randint(1, 100), rng.randrange(0, 1000, 7), rng.choice('abcdef'), rng.getrandbits(40))
items = list(range(10)); rng.shuffle(items); print(items)
print(rng.sample(range(100), 5), rng.choices('abc', weights=[5, 1, 1], k=8), round(rng.uniform(1, 2), 12), rng.randbytes(4).hex())
random.seed(2024)
print(random.random(), random.randint(0, 10 ** 12), random.choice([1, 2, 3]))
random.seed('a string seed')
print(random.getrandbits(64), random.sample(['x', 'y', 'z'], 3))
state = rng.getstate(); v1 = rng.random(); rng.setstate(state); print(v1 == rng.random())
print(round(random.Random(1).gauss(0, 1), 12), round(random.Random(2).expovariate(1.5), 12), round(random.Random(3).normalvariate(10, 2), 12))
nums = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(nums), statistics.median(nums), statistics.mode(nums), statistics.pstdev(nums), statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]))
print(statistics.variance([1, 2, 3, 4]), statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=4), statistics.fmean([1, 2]), statistics.multimode('aabbc'), round(statistics.geometric_mean([1, 4]), 12))
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print('StatisticsError', e)
