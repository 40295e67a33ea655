int main() {
  array chunks = ({});
  while (1) chunks += ({ "x" * (16 << 20) + sizeof(chunks) });
}
