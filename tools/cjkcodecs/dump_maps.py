"""Runs under the reference CPython 3.14.2 (pyodide, wasm32): prints the mapping tables of
the CJK codec modules as they are in the reference's memory, read through the capsules the
modules export (`__map_<charset>`, a struct dbcs_map) with ctypes.

Output, one table after the other:
    T <module> <charset> <kind>       kind: enc (struct unim_index[256], DBCHAR pages),
                                      dec (struct dbcs_index[256], ucs2 pages),
                                      wdec (struct widedbcs_index[256], ucs4 pages),
                                      pairs (struct pair_encodemap[], ucs4 + DBCHAR)
    <page> <bottom> <top> <hex>       one line per page with a map: the values, 4 (or 8 for
                                      ucs4) hex digits each, for bottom..top
    <uniseq hex> <code hex>           (pairs) one line per entry
"""
import ctypes
import importlib
import sys

get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
get_pointer.restype = ctypes.c_void_p
get_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]


class DbcsMap(ctypes.Structure):
    _fields_ = [("charset", ctypes.c_char_p), ("encmap", ctypes.c_void_p),
                ("decmap", ctypes.c_void_p)]


class Index(ctypes.Structure):
    _fields_ = [("map", ctypes.c_void_p), ("bottom", ctypes.c_ubyte), ("top", ctypes.c_ubyte)]


# The decode maps whose pages hold ucs4 values (widedbcs_index).
WIDE_DEC = {"jisx0213_pair"}
# The encode "maps" that are a sorted pair_encodemap array, and their lengths
# (JISX0213_ENCPAIRS in mappings_jisx0213_pair.h).
PAIR_ENC = {"jisx0213_pair": 46}

out = []


def dump_index(addr, width):
    table = (Index * 256).from_address(addr)
    ctype = ctypes.c_uint16 if width == 2 else ctypes.c_uint32
    fmt = "%04x" if width == 2 else "%08x"
    for page, idx in enumerate(table):
        if not idx.map:
            continue
        n = idx.top - idx.bottom + 1
        if n <= 0:
            out.append("%d %d %d " % (page, idx.bottom, idx.top))
            continue
        values = (ctype * n).from_address(idx.map)
        out.append("%d %d %d %s" % (page, idx.bottom, idx.top,
                                    "".join(fmt % v for v in values)))


class Pair(ctypes.Structure):
    _fields_ = [("uniseq", ctypes.c_uint32), ("code", ctypes.c_uint16)]


for loc in ("jp", "kr", "cn", "tw", "hk", "iso2022"):
    mod = importlib.import_module("_codecs_" + loc)
    for name in sorted(n for n in dir(mod) if n.startswith("__map_")):
        m = DbcsMap.from_address(get_pointer(getattr(mod, name), b"multibytecodec.map"))
        charset = m.charset.decode()
        if m.encmap:
            if charset in PAIR_ENC:
                out.append("T %s %s pairs" % (loc, charset))
                for p in (Pair * PAIR_ENC[charset]).from_address(m.encmap):
                    out.append("%08x %04x" % (p.uniseq, p.code))
            else:
                out.append("T %s %s enc" % (loc, charset))
                dump_index(m.encmap, 2)
        if m.decmap:
            wide = charset in WIDE_DEC
            out.append("T %s %s %s" % (loc, charset, "wdec" if wide else "dec"))
            dump_index(m.decmap, 4 if wide else 2)

sys.stdout.write("\n".join(out) + "\n")
