fun grow chunks = grow (Array.array (4000000, 0) :: chunks);
val _ = grow [];
