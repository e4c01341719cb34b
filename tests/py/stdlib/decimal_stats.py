# statistics and fractions on Decimal values.
import statistics
from decimal import Decimal, localcontext
from fractions import Fraction

data = [Decimal('1.5'), Decimal('2.25'), Decimal('3.125'), Decimal('0.5'), Decimal('10')]
print(statistics.mean(data), statistics.median(data), statistics.fmean(data))
print(statistics.stdev(data), statistics.variance(data), statistics.pstdev(data))
print(statistics.median_low(data), statistics.median_high(data), statistics.mode(data))
print(statistics.harmonic_mean([Decimal('2'), Decimal('4')]))
print(statistics.mean([Decimal(1), Decimal(2), Decimal(4)]))
print(Fraction(Decimal('1.25')), Fraction(Decimal('-0.001')), Fraction.from_decimal(Decimal('3E+2')))
print(Fraction(1, 3) < Decimal('0.34'), Decimal('0.5') == Fraction(1, 2), Decimal(2) > Fraction(7, 4))
try:
    Fraction(Decimal('NaN'))
except ValueError as e:
    print('ValueError', e)
try:
    Fraction(Decimal('Inf'))
except OverflowError as e:
    print('OverflowError', e)
with localcontext(prec=50):
    print(statistics.mean([Decimal(1) / 3, Decimal(2) / 3]))
print(sum(data), max(data), min(data), sorted(data, reverse=True))
print(statistics.quantiles([Decimal(i) for i in range(1, 11)], n=4))
