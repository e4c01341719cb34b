# An uncaught AttributeError with a suggestion, raised in a nested call with carets.
class Inventory:
    def __init__(self):
        self.items = {'apple': 3, 'pear': 0}
    def count(self, name):
        return self.itmes.get(name, 0)
def report(inv, names):
    return {n: inv.count(n) for n in names}
inv = Inventory()
print('created', sorted(inv.items))
print(report(inv, ['apple']))
