# binascii and base64 on it.
import binascii, base64

data = bytes(range(256))
enc = binascii.b2a_base64(data)
print(enc[:40], len(enc), binascii.a2b_base64(enc) == data)
print(binascii.b2a_base64(b"ab", newline=False), binascii.a2b_base64("YW Jj\n"))
for text in ("YWJj=", "=YWJj", "YQ==YQ==", "YQ=a="):
    try:
        binascii.a2b_base64(text, strict_mode=True)
    except binascii.Error as e:
        print("Error:", e)
for text in ("YWJ", "Y"):
    try:
        binascii.a2b_base64(text)
    except binascii.Error as e:
        print("Error:", e)
print(binascii.hexlify(b"\x01\xab\xff"), binascii.hexlify(b"abcdefg", ":", 2), binascii.hexlify(b"abcdefg", "-", -3))
print(binascii.unhexlify("DEADbeef"), binascii.a2b_hex(b"00ff"))
for text in ("abc", "zz"):
    try:
        binascii.unhexlify(text)
    except binascii.Error as e:
        print("Error:", e)
print(binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc32(data))
print(binascii.crc_hqx(b"123456789", 0xFFFF), binascii.crc_hqx(data, 0))
print(binascii.b2a_qp(b"caf\xe9 = ok\t\nline two \n"), binascii.a2b_qp(b"caf=E9=\n ok"))
print(binascii.b2a_qp(b"a b", header=True), binascii.b2a_qp(b"x" * 80))
print(binascii.b2a_uu(b"hello"), binascii.a2b_uu(b"%:&5L;&\\\n"), binascii.b2a_uu(b"", backtick=True))
print(base64.b64encode(b"cppy!"), base64.b64decode(b"Y3BweSE="), base64.urlsafe_b64encode(b"\xfb\xff"))
print(base64.b16encode(b"\x00\xfe"), base64.b32encode(b"abcde"), base64.b85encode(b"hello"))
print(base64.a85encode(b"hello world"), base64.b32decode(b"MFRGGZDF"))
print(binascii.Error.__mro__[1].__name__, binascii.Incomplete.__mro__[1].__name__)
