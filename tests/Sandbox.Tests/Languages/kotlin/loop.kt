fun main() {
    while (true) { }
}
