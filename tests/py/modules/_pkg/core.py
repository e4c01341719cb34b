value = 'core-value'
def where():
    return __name__
