# string and textwrap.
import string, textwrap
print(string.ascii_letters, string.hexdigits, string.octdigits, repr(string.whitespace), len(string.printable))
print(string.capwords('hello   wide world'), string.capwords('a-b c-d', '-'))
f = string.Formatter()
print(f.format('{0}-{name}', 1, name='x'), list(f.parse('a{b!r:>3}c')))
t = string.Template('${greeting}, $name! Cost: $$$amount')
print(t.substitute(greeting='Hi', name='Bob', amount=5), t.get_identifiers(), t.is_valid())
text = 'The quick brown fox jumps over the lazy dog. ' * 3
print(textwrap.wrap(text, width=30))
print(textwrap.fill(text, width=40, initial_indent='> ', subsequent_indent='  '))
print(textwrap.shorten(text, width=50), textwrap.shorten('short', width=10), textwrap.shorten(text, 30, placeholder=' [more]'))
block = '''
    def f():
        return 1
    '''
print(repr(textwrap.dedent(block)), repr(textwrap.indent('a\nb\n\nc', '+ ')), repr(textwrap.indent('a\n\nb', '* ', lambda line: True)))
w = textwrap.TextWrapper(width=12, break_long_words=True, max_lines=3, placeholder='~')
print(w.wrap('supercalifragilisticexpialidocious is a long word indeed'))
print(textwrap.wrap('a\tb c', width=5, expand_tabs=True, tabsize=4), textwrap.wrap('', 10), textwrap.wrap('one-two-three-four', 8))
print(textwrap.fill('x ' * 10, 9, break_on_hyphens=False), textwrap.wrap('Hello.  World.', 40, fix_sentence_endings=True))
