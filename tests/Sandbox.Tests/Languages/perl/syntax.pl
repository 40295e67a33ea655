print "x"
print "y";
