fun main() {
    val chunks = ArrayList<ByteArray>()
    while (true) chunks.add(ByteArray(16 shl 20))
}
