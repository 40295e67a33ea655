Stream.iterate([], fn chunks -> [Enum.to_list(1..1_000_000) | chunks] end) |> Stream.run()
