# pwd and grp against the host's databases: lookups by id and name, the struct sequences,
# the KeyError and TypeError messages, and the stdlib callers (getpass, expanduser).
import getpass
import grp
import os
import pwd

root = pwd.getpwuid(0)
print(root, root.pw_name, root.pw_uid, root[0], len(root), type(root).__name__)
print(pwd.getpwnam("root") == root, pwd.getpwuid(os.getuid()) == pwd.getpwnam(pwd.getpwuid(os.getuid()).pw_name))
print(sorted(p.pw_name for p in pwd.getpwall()) == sorted({p.pw_name for p in pwd.getpwall()}) or True)
print(len(pwd.getpwall()) > 0, pwd.struct_passwd.n_fields, pwd.struct_passwd.__module__)
for bad in [lambda: pwd.getpwuid(2**31 + 12345), lambda: pwd.getpwnam("no-such-user-xyz"),
            lambda: pwd.getpwuid(2**70), lambda: pwd.getpwnam(1), lambda: pwd.getpwuid(1.5),
            lambda: pwd.getpwnam("a\0b")]:
    try:
        bad()
    except (KeyError, TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
g = grp.getgrgid(0)
print(g, g.gr_name, g.gr_gid, type(g.gr_mem).__name__, len(g))
print(grp.getgrnam(g.gr_name) == g, grp.getgrgid(id=0) == g, len(grp.getgrall()) > 0)
for bad in [lambda: grp.getgrgid(2**31 + 12345), lambda: grp.getgrnam("no-such-group-xyz"),
            lambda: grp.getgrnam(5)]:
    try:
        bad()
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
os.environ.pop("LOGNAME", None)
os.environ.pop("USER", None)
os.environ.pop("LNAME", None)
os.environ.pop("USERNAME", None)
print(getpass.getuser() == pwd.getpwuid(os.getuid()).pw_name)
home = os.environ.pop("HOME", None)
print(os.path.expanduser("~") == pwd.getpwuid(os.getuid()).pw_dir.rstrip("/") or "/")
print(os.path.expanduser("~root") == root.pw_dir)
