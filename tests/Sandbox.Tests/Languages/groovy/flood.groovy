def line = "x" * 1000
while (true) println line
