Stream.iterate([], fn chunks -> [:binary.copy(<<1>>, 16 * 1024 * 1024) | chunks] end) |> Stream.run()
