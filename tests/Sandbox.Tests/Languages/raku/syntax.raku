say "x"
say "y";
