# A SyntaxError raised by the compiler (symbol table), not the parser.
nonlocal x
