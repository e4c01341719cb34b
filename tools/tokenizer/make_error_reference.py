#!/usr/bin/env python3
"""Regenerates tests/data/tokenizer/errors.tsv: CPython 3.14.2's errors for tokenizer cases.

Snippets aimed at the tokenizer's own errors and warnings (numbers, strings, prefixes,
f-strings and t-strings, indentation, brackets, characters, encodings), compiled by the
reference (tools/oracle) with compile(source, '<snippet>', 'exec'). The output has the format
of tests/data/parser/syntax_errors.tsv (written by the same code, gen_syntax_errors.py) and is
checked by tests/tokenizer/tokenizer_errors.cpp.
"""
import importlib.util
import os

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

CASES = [
    ("hex_empty", b"0x\n"), ("hex_underscore_end", b"0x1_\n"), ("hex_trailing_name", b"0x1g\n"),
    ("octal_digit", b"0o8\n"), ("octal_empty", b"0o\n"), ("octal_digit_after", b"0o18\n"),
    ("binary_digit", b"0b2\n"), ("binary_digit_after", b"0b12\n"), ("binary_empty", b"0b_\n"),
    ("decimal_double_underscore", b"1__0\n"), ("decimal_trailing_underscore", b"10_\n"),
    ("decimal_name", b"1abc\n"), ("leading_zeros", b"x = 0012\n"), ("zero_underscore", b"0_\n"),
    ("exponent_sign_only", b"1e+\n"), ("exponent_name", b"1ex\n"), ("float_name", b"1.5x\n"),
    ("imaginary_name", b"1jx\n"), ("warn_and", b"x = 1and 2\n"), ("warn_else", b"x = 1if y else 2\n"),
    ("warn_in", b"x = [0x1for y in z]\n"), ("warn_or", b"x = 1or 2\n"), ("warn_not_in", b"x = 1not in y\n"),
    ("unterminated_single", b"x = 'abc\n"), ("unterminated_double_escaped", b"x = \"abc\\\"\n"),
    ("unterminated_triple_eof", b"x = '''abc\ny\n"), ("unterminated_second_line", b"x = 1\ny = 'a\n"),
    ("prefix_ub", b"x = ub''\n"), ("prefix_ur", b"x = ur''\n"), ("prefix_bf", b"x = bf''\n"),
    ("prefix_ft", b"x = ft''\n"), ("prefix_bt", b"x = tb''\n"), ("prefix_uf", b"x = fu''\n"),
    ("fstring_single_brace", b"f'a}b'\n"), ("fstring_unterminated", b"f'abc\n"),
    ("fstring_unterminated_triple", b"f'''abc{x}\n"), ("tstring_unterminated", b"t'abc{x}\n"),
    ("tstring_single_brace", b"t'}'\n"), ("fstring_nested_too_deep", b"f'{f\"{f'{x}'}\"}'\n"),
    ("fstring_spec_newline", b"f'{x:\n}'\n"), ("fstring_expecting_brace", b"f'{x'\n"),
    ("fstring_unmatched_paren", b"f'{)}'\n"), ("fstring_mismatch", b"f'{(]}'\n"),
    ("tstring_ok", b"t'{x!r:>{w}} {y=}'\n"), ("fstring_nested_quotes_ok", b"f'{'a' + f\"{b}\"}'\n"),
    ("unmatched_close", b"x = 1)\n"), ("mismatch_same_line", b"x = (1]\n"),
    ("mismatch_other_line", b"x = (1,\n2]\n"), ("never_closed_bracket", b"x = [1,\n2\n"),
    ("too_many_parens", b"x = " + b"(" * 201 + b"\n"), ("too_deep_indent",
        b"".join(b" " * i + b"if x:\n" for i in range(101)) + b" " * 101 + b"pass\n"),
    ("tab_space_mix", b"if x:\n\tif y:\n        pass\n"), ("tab_space_same_col", b"if x:\n        a\n\tb\n"),
    ("dedent_mismatch", b"if x:\n    a\n  b\n"), ("continuation_garbage", b"x = 1 \\ 2\n"),
    ("continuation_eof", b"x = \\"), ("invalid_char_dollar", b"x = $\n"), ("invalid_char_question", b"x ? y\n"),
    ("invalid_char_unicode", "x = a\u2212b\n".encode()), ("invalid_identifier_mid", "ab\u00b7\u20ac = 1\n".encode()),
    ("non_printable", "x = \u0007\n".encode()), ("identifier_ok", "\u00e9t\u00e9 = 1\n".encode()),
    ("backtick", b"x = `y`\n"), ("invalid_utf8_line2", b"x = 1\ny = '\xc3('\n"),
    ("bom_ok", b"\xef\xbb\xbfx = 1\n"), ("cookie_line2", b"#!/usr/bin/env python\n# coding: latin-1\nx = '\xe9'\n"),
    ("cookie_after_code", b"x = 1\n# coding: latin-1\ny = '\xe9'\n"), ("utf8_cookie_bad_byte", b"# coding: utf-8\nx = '\xff'\n"),
    ("crlf_ok", b"if x:\r\n    y = 1\r\n"), ("formfeed_ok", b"\x0cx = 1\n"), ("no_final_newline", b"x = 1"),
    ("comment_only_eof", b"# c"), ("type_comment_ignored", b"x = 1  # type: int\n"),
]


def main():
    spec = importlib.util.spec_from_file_location(
        "gen", os.path.join(REPO, "tests", "data", "parser", "gen_syntax_errors.py"))
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    rows = gen.reference_rows(CASES, "tokenizer_errors")
    out = os.path.join(REPO, "tests", "data", "tokenizer", "errors.tsv")
    with open(out, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write("# name\tsource\ttype\tlineno\toffset\tend_lineno\tend_offset\tmessage\twarnings"
                " -- written by tools/tokenizer/make_error_reference.py from CPython 3.14.2\n")
        f.write("\n".join(rows) + "\n")
    print("%d cases" % len(rows))


if __name__ == "__main__":
    main()
