BEGIN { line = sprintf("%1000s", ""); gsub(/ /, "x", line); while (1) print line }
