let () =
  let name = input_line stdin in
  Printf.printf "Hello, %s! 6*7=%d\n" name (6 * 7);
  exit 3
