let name = stdin.readLine()
echo "Hello, ", name, "! 6*7=", 6 * 7
quit(3)
