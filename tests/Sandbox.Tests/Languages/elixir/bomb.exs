Stream.iterate([], fn chunks -> [:binary.copy(<<0::8388608>>, 16) | chunks] end) |> Stream.run()
