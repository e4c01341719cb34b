# An uncaught TypeError from a wrong call, inside a method of a class, with the caret lines.
class Greeter:
    def greet(self, name, punctuation):
        return f'Hello, {name}{punctuation}'
g = Greeter()
print(g.greet('Ann', '!'))
messages = [g.greet(n, '.') for n in ['Bo', 'Cy']]
print(messages)
values = {'a': 1, 'b': 2}
total = values['a'] + values['b'] * 2
print(total)
print(g.greet('Dee'))
