line <- strrep("x", 1000)
repeat cat(line, "\n", sep = "")
