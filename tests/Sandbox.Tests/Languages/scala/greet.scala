object Main {
  def main(args: Array[String]): Unit = {
    val name = scala.io.StdIn.readLine()
    println(s"Hello, $name! 6*7=${6 * 7}")
    sys.exit(3)
  }
}
