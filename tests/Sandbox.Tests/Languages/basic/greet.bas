line input "" name$
print "Hello, " + name$ + "! 6*7=" + str$(6 * 7)
exit 3
