int main() {
  error("boom\n");
}
