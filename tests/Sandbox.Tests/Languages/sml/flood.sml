val line = CharVector.tabulate (1000, fn _ => #"x") ^ "\n";
fun flood () = (print line; flood ());
val () = flood ();
