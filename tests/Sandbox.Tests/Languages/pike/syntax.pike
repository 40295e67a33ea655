int main() {
  return
}
