import kotlin.system.exitProcess

fun main() {
    val name = readLine()!!
    println("Hello, $name! 6*7=${6 * 7}")
    exitProcess(3)
}
