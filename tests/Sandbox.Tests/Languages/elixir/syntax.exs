IO.puts("x"
