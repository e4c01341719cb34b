# frame.f_lineno is None for an instruction without a line number.
def f():
    1 / 0

f.__code__ = f.__code__.replace(co_linetable=b"\xf8\xf8\xf8\xf9\xf8\xf8\xf8")
try:
    f()
except ZeroDivisionError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_frame.f_lineno, tb.tb_lineno)

# 'async for' over an __anext__ result that is not awaitable: the awaitable check's error
# is the cause of the TypeError.
class Source:
    def __aiter__(self):
        return self
    def __anext__(self):
        return self
    def __await__(self):
        1 / 0

async def main():
    async for _ in Source():
        pass

try:
    main().send(None)
except TypeError as e:
    print("TypeError", e)
    print("cause", type(e.__cause__).__name__)
