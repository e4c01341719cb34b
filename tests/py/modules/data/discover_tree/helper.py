# Not a test module: discovery's default pattern is test*.py.
raise RuntimeError("discovery must not import this")
