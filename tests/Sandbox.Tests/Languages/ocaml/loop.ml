let () =
  let i = ref 0 in
  while true do i := (!i + 1) mod 1000 done
