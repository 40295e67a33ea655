let () =
  let chunks = ref [] in
  while true do chunks := Bytes.make (16 * 1024 * 1024) 'x' :: !chunks done
