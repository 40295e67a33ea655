object Main {
  def main(args: Array[String]): Unit = {
    val chunks = new java.util.ArrayList[Array[Byte]]()
    while (true) chunks.add(new Array[Byte](16 << 20))
  }
}
