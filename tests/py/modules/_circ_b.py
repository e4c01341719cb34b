import _circ_a
VALUE_B = 'b'
def partial_view():
    return hasattr(_circ_a, 'VALUE_A')
EARLY = hasattr(_circ_a, 'VALUE_A')
