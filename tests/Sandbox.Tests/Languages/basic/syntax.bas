print "x" +
