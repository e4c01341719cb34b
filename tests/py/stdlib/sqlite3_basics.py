# sqlite3 over _sqlite3: tables, parameters, fetching, transactions, rows, adapters and
# converters, user functions, errors. (sqlite_version is the library's, left out.)
import sqlite3

print(sqlite3.paramstyle, sqlite3.apilevel, sqlite3.PARSE_DECLTYPES, sqlite3.PARSE_COLNAMES,
      sqlite3.LEGACY_TRANSACTION_CONTROL, sqlite3.SQLITE_CONSTRAINT_UNIQUE)
print([c.__name__ for c in sqlite3.IntegrityError.__mro__])
cx = sqlite3.connect(":memory:")
print(type(cx).__name__, cx.isolation_level, cx.in_transaction, cx.autocommit, cx.total_changes)
cu = cx.cursor()
cu.execute("create table t(id integer primary key, name text unique, score real, data blob)")
print(cu.description, cu.rowcount, cu.lastrowid)
cu.execute("insert into t(name, score, data) values (?, ?, ?)", ("ann", 1.5, b"\x00\x01"))
print(cu.rowcount, cu.lastrowid, cx.in_transaction)
cu.executemany("insert into t(name, score) values (:n, :s)",
               [{"n": "bob", "s": 2}, {"n": "cy", "s": None}, {"n": "dee", "s": -7}])
print(cu.rowcount, cu.lastrowid, cx.total_changes)
cx.commit()
print(cx.in_transaction)
for row in cx.execute("select * from t order by id"):
    print(row)
cu.execute("select name, score from t where score > ? order by name", (0,))
print(cu.description)
print(cu.fetchone(), cu.fetchmany(5), cu.fetchall(), cu.fetchone())
cu.arraysize = 2
print(cx.execute("select id from t").fetchmany())

cx.row_factory = sqlite3.Row
r = cx.execute("select id, name as Name from t where id = 1").fetchone()
print(type(r).__name__, r["id"], r["name"], r["NAME"], r[1], r[-1], r[0:2], r.keys(), len(r),
      list(r), tuple(r) == (1, "ann"))
try:
    r["nope"]
except IndexError as e:
    print("IndexError", e)
print(r == cx.execute("select id, name as Name from t where id = 1").fetchone())
cx.row_factory = None

# transactions and the context manager
try:
    with cx:
        cx.execute("insert into t(name) values ('eve')")
        cx.execute("insert into t(name) values ('ann')")
except sqlite3.IntegrityError as e:
    print("IntegrityError", e, e.sqlite_errorcode, e.sqlite_errorname)
print(cx.execute("select count(*) from t").fetchone())
cx.execute("insert into t(name) values ('fay')")
cx.rollback()
print(cx.execute("select count(*) from t").fetchone(), cx.in_transaction)
cx.isolation_level = None
cx.execute("insert into t(name) values ('gus')")
print(cx.in_transaction, cx.isolation_level)
cx.isolation_level = "IMMEDIATE"
for bad in ("bogus", 5):
    try:
        cx.isolation_level = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# errors
for sql, params in [("select :a", (1,)), ("select ?", {"a": 1}), ("select ?, ?", (1,)),
                    ("select :a", {"b": 1}), ("select ?", 5), ("select ?", (object(),)),
                    ("select ?", (2**63,)), ("select 1; select 2", ()), ("select 1;;", ()),
                    ("", ()), ("  -- c\n", ()), ("select ?;  -- tail", (3,)),
                    ("selec 1", ()), ("select * from missing", ()),
                    ("insert into t(name) values (?)", ("bob",))]:
    try:
        print(repr(sql), cx.execute(sql, params).fetchall())
    except Exception as e:
        print(repr(sql), type(e).__name__, e)
try:
    cx.executemany("select ?", [(1,)])
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)

# types, adapters, converters
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

sqlite3.register_adapter(Point, lambda p: "%s;%s" % (p.x, p.y))
sqlite3.register_converter("point", lambda b: Point(*map(float, b.split(b";"))))
dx = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
dx.execute("create table p(pt point, n integer)")
dx.execute("insert into p values (?, ?)", (Point(1, 2.5), True))
print(dx.execute("select pt, n from p").fetchall())
print(dx.execute('select pt as "pt [point]", typeof(n) from p').fetchall())
print(dx.execute('select pt as "x [point]" from p').description)
print(dx.execute("select 1.5, 'x', x'ff00', null, 10000000000, -3").fetchone())
dx.text_factory = bytes
print(dx.execute("select 'abc'").fetchone())
dx.text_factory = lambda b: b.decode().upper()
print(dx.execute("select 'abc'").fetchone())

# user-defined functions, aggregates, collations
fx = sqlite3.connect(":memory:")
fx.create_function("twice", 1, lambda v: v * 2)
fx.create_function("fail", 0, lambda: 1 / 0)
class Avg:
    def __init__(self):
        self.total, self.n = 0, 0
    def step(self, v):
        self.total += v
        self.n += 1
    def finalize(self):
        return self.total / self.n if self.n else None
fx.create_aggregate("myavg", 1, Avg)
fx.create_collation("rev", lambda a, b: (a < b) - (a > b))
fx.execute("create table v(x)")
fx.executemany("insert into v values (?)", [(3,), (1,), (2,)])
print(fx.execute("select twice(x), twice('ab') from v order by x").fetchall())
print(fx.execute("select myavg(x) from v").fetchone())
print(fx.execute("select x from v order by cast(x as text) collate rev").fetchall())
try:
    fx.execute("select fail()")
except sqlite3.OperationalError as e:
    print("OperationalError", e)
fx.executescript("create table w(a); insert into w values (1); insert into w values (2);")
print(fx.execute("select sum(a) from w").fetchone(), sqlite3.complete_statement("select 1;"),
      sqlite3.complete_statement("select 1"))
print(list(fx.iterdump())[:4])
fx.close()
try:
    fx.execute("select 1")
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
ax = sqlite3.connect(":memory:", autocommit=False)
print(ax.autocommit, ax.in_transaction)
ax.execute("create table z(a)")
ax.commit()
print(ax.in_transaction)
ax.autocommit = True
print(ax.autocommit, ax.in_transaction)
