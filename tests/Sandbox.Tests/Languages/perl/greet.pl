my $name = <STDIN>;
chomp $name;
print "Hello, $name! 6*7=", 6 * 7, "\n";
exit 3;
