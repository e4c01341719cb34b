# An unterminated string literal (a tokenizer error).
a = "abc
