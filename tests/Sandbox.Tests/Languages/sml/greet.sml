val name = case TextIO.inputLine TextIO.stdIn of
    SOME line => String.substring (line, 0, size line - 1)
  | NONE => "";
val () = print ("Hello, " ^ name ^ "! 6*7=" ^ Int.toString (6 * 7) ^ "\n");
val () = Posix.Process.exit (Word8.fromInt 3);
