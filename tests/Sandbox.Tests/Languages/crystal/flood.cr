line = "x" * 1000
loop { puts line }
