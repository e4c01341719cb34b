# A SyntaxError raised by compile() inside a traceback.
compile("x = (", "t.py", "exec")
