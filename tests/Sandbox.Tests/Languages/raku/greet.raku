my $name = $*IN.get;
say "Hello, $name! 6*7={6 * 7}";
exit 3;
