# An uncaught IndentationError (unexpected indent).
if True:
  x = 1
    y = 2
