fun main() {
    val line = "x".repeat(1000)
    while (true) println(line)
}
