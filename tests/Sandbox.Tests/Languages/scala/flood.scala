object Main {
  def main(args: Array[String]): Unit = {
    val line = "x" * 1000
    while (true) println(line)
  }
}
