# An uncaught SyntaxError of the main script: location, source line, carets.
x = 1
print(x +* 2)
