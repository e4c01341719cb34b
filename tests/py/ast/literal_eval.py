# ast.literal_eval: accepted literals and the errors for the rest.
import ast

for text in ["1", "-2.5", "1+2j", "'s'", "b'b'", "(1, [2, {3: 4}], {5})", "None", "True",
             "set()", "{'a': (1,)}", "  7", "-(3)", "1 - 2j"]:
    print(repr(ast.literal_eval(text)))
for text in ["x", "1 + x", "f()", "[*a]", "{**d}", "1 +", "-'s'", "2 ** 3"]:
    try:
        ast.literal_eval(text)
    except (ValueError, SyntaxError, TypeError) as e:
        print(type(e).__name__, e)
print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.Constant(4)))
