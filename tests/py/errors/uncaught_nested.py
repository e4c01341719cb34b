# An uncaught KeyError deep in nested calls, with a lambda frame, a comprehension and a method.
config = {'db': {'host': 'localhost', 'port': 5432}}
class Service:
    def __init__(self, cfg):
        self.cfg = cfg
    def setting(self, section, key):
        return self.cfg[section][key]
    def all(self, keys):
        getter = lambda k: self.setting('db', k)
        return [getter(k) for k in keys]
svc = Service(config)
print(svc.all(['host', 'port']))
print(svc.all(['host', 'user']))
