# resource: the module the WebAssembly reference lacks; expected output from the host CPython (python3).
import resource
print(sorted(n for n in dir(resource) if not n.startswith('__')))
r = resource.getrusage(resource.RUSAGE_SELF)
print(type(r).__name__, type(r).__module__, len(r), r.ru_utime >= 0, r.ru_maxrss > 0, r._fields if hasattr(r, '_fields') else None)
print(resource.struct_rusage.n_fields, resource.struct_rusage.n_sequence_fields)
print(resource.getpagesize() > 0, resource.RLIM_INFINITY)
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(type(soft).__name__, soft <= hard or hard == resource.RLIM_INFINITY)
resource.setrlimit(resource.RLIMIT_CORE, resource.getrlimit(resource.RLIMIT_CORE))
for call in [lambda: resource.getrusage(42), lambda: resource.getrlimit(-1), lambda: resource.getrlimit(1000),
             lambda: resource.setrlimit(resource.RLIMIT_CORE, (1,)), lambda: resource.setrlimit(resource.RLIMIT_CORE, 5),
             lambda: resource.getrlimit("x"), lambda: resource.setrlimit(resource.RLIMIT_CORE, (2, 1))]:
    try:
        call(); print("no error")
    except Exception as e:
        print(type(e).__name__, e)
print(resource.error is OSError, repr(resource.getrusage)[:30])
