void main() {
    for (shared int i = 0;; i = (i + 1) % 1000) {}
}
