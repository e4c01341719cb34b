# warnings: printed on stderr with their location; filters, categories, catch_warnings, once/always/error.
import warnings
def old():
    warnings.warn('old() is deprecated', DeprecationWarning, stacklevel=2)
    return 1
warnings.simplefilter('default')
old()
warnings.warn('a user warning')
warnings.warn('a runtime warning', RuntimeWarning)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    old(); old()
    warnings.warn('recorded', UserWarning)
print([(w.category.__name__, str(w.message), w.lineno) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        warnings.warn('now an error', UserWarning)
    except UserWarning as e:
        print('raised', repr(e))
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    warnings.warn('silenced')
with warnings.catch_warnings():
    warnings.filterwarnings('error', message='spec.*')
    try:
        warnings.warn('specific one')
    except UserWarning as e:
        print('filtered by message', e)
class MyWarning(UserWarning): pass
warnings.warn('custom category', MyWarning)
warnings.warn_explicit('explicit', SyntaxWarning, 'virtual.py', 42)
print('done', issubclass(DeprecationWarning, Warning), issubclass(Warning, Exception))
