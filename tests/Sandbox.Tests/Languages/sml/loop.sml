fun spin (n : int) : unit = spin ((n + 1) mod 1000);
val () = spin 0;
