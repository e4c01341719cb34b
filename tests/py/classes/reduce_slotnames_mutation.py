# object.__reduce_ex__(2) reading __slotnames__ while __getattr__ replaces its items.
import copyreg

class Name(str):
    pass

class Holder:
    __slotnames__ = [Name("spam")]
    def __getattr__(self, attr):
        if attr == "spam":
            Holder.__slotnames__[:] = [Name("spam")]
            return 42
        raise AttributeError(attr)

r = Holder().__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1] == (Holder,), r[2])
