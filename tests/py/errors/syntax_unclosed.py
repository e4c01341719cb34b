# An unclosed bracket at the end of the file.
x = (1,
