int main() {
  string line = "x" * 1000 + "\n";
  while (1) write(line);
}
