let () =
  let line = String.make 1000 'x' in
  while true do print_endline line done
