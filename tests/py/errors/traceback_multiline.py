# PEP 657 carets over expressions that span lines, as the default sys.excepthook prints them
# (Lib/traceback.py's StackSummary.format_frame_summary), one traceback per case.
import sys


def show(f):
    try:
        f()
    except Exception as e:
        sys.__excepthook__(type(e), e, e.__traceback__)
        sys.stderr.flush()


def binop_multiline():
    x = (1 +
         2 +
         None)
    return x


def call_multiline():
    return int(
        "x",
        10,
    )


def call_assign():
    value = int(
        "y")
    return value


def subscript_multiline():
    d = {}
    return d[
        "missing"
    ]


def long_call():
    return max(
        1,
        2,
        3,
        4,
        5,
        None,
    )


def attr_chain():
    a = None
    return (a
            .foo
            .bar)


def nested_binop():
    return (1 *
            2) / (0
                  - 0)


def operator_next_line():
    return (10
            //
            0)


def method_call_chain():
    s = "abc"
    return (s.upper()
             .lower()
             .nothing())


def comment_inside():
    return (1 +  # one
            # a comment line
            "two")


def backslash():
    return 1 + \
        "x"


def wide_chars():
    return "日本語" + 1


def wide_multiline():
    return ("日本語" +
            1)


def one_line_call():
    return len(5)


def plain_assign_call():
    n = len(5)
    return n


def subscript_one_line():
    return [1, 2][5]


def dict_in_call():
    return dict(**{
        "a": 1,
    }, **None)


def lambda_body():
    f = (lambda x:
         x / 0)
    return f(1)


def deep(n):
    if n == 0:
        return {}[
            "k"]
    return deep(
        n - 1)


for case in [binop_multiline, call_multiline, call_assign, subscript_multiline, long_call,
             attr_chain, nested_binop, operator_next_line, method_call_chain, comment_inside,
             backslash, wide_chars, wide_multiline, one_line_call, plain_assign_call,
             subscript_one_line, dict_in_call, lambda_body, lambda: deep(3)]:
    show(case)
print("done")
