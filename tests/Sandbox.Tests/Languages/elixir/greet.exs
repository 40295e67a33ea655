name = IO.gets("") |> String.trim()
IO.puts("Hello, #{name}! 6*7=#{6 * 7}")
System.halt(3)
