# sys.exit with a string: printed on stderr, exit status 1; finally blocks and atexit run first.
import atexit, sys
atexit.register(lambda: print('atexit handler'))
try:
    print('about to exit')
    sys.exit('fatal: configuration missing')
finally:
    print('finally runs')
print('never printed')
