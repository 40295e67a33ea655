BEGIN { print "x" > "/nonexistent/boom" }
