import sys

name = sys.stdin.readline().strip()
print(f"Hello, {name}! 6*7={6 * 7}")
sys.exit(3)
