while (1) { print "x" x 1000, "\n" }
