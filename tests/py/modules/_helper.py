"""A helper module imported by the cases of this directory."""
print('importing _helper as', __name__)
CONSTANT = 42
_private = 'hidden'
__all__ = ['CONSTANT', 'greet']
def greet(name):
    return f'hello {name} from {__name__}'
counter = 0
def bump():
    global counter
    counter += 1
    return counter
