chunks = [] of Bytes
loop { chunks << Bytes.new(16 << 20, 1_u8) }
