import sys, atexit
atexit.register(print, "atexit 1")
@atexit.register
def bye():
    print("atexit 2 (runs first)")
print("main body")
sys.stdout.write("no newline")
sys.exit("fatal: configuration missing")
