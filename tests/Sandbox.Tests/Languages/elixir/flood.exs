line = String.duplicate("x", 1000)
Stream.repeatedly(fn -> IO.puts(line) end) |> Stream.run()
