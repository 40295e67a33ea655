local name = io.read("l")
print(("Hello, %s! 6*7=%d"):format(name, 6 * 7))
os.exit(3)
