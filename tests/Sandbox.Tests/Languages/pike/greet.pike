int main() {
  string name = Stdio.stdin->gets();
  write("Hello, %s! 6*7=%d\n", name, 6 * 7);
  return 3;
}
