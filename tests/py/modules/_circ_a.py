import _circ_b
VALUE_A = 'a'
def use_b():
    return _circ_b.VALUE_B
