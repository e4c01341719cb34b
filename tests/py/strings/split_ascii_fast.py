# str.split on ASCII text (the byte-wise fast paths: whitespace, one-character separators)
# next to non-ASCII text and longer separators, with maxsplit.
texts = ["", " ", "a", " a b  c ", "a\tb\nc\x0bd\x0ce\rf\x1cg\x1dh\x1ei\x1fj", "  lead", "trail  ",
         "a,b,,c,", ",", ",,", "x,y,z", "caf\xe9 au lait", "a\u2003b c", "one, two, three"]
for t in texts:
    print(repr(t), t.split(), t.split(None, 1), t.split(","), t.split(",", 1), t.split(", "),
          t.split(" ", 2), t.split(maxsplit=0), t.split(",", maxsplit=-1))
s = "word " * 5
parts = s.split()
print(len(parts), parts[0] is parts[1], s.split(" ")[-1] == "")
for bad in [("",), (1,)]:
    try:
        "a".split(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
