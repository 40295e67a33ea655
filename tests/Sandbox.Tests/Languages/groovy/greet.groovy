def name = System.in.newReader().readLine()
println "Hello, ${name}! 6*7=${6 * 7}"
System.exit(3)
