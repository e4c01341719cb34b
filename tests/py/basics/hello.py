print("Hello, world!")
print(1 + 2, 7 // 2, 7 / 2, 2 ** 100)
