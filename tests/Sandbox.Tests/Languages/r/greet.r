name <- readLines(file("stdin"), n = 1)
cat(sprintf("Hello, %s! 6*7=%d\n", name, 6L * 7L))
quit(status = 3)
