my $line = "x" x 1000;
loop { say $line }
