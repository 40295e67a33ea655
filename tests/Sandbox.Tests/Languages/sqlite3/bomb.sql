SELECT length(hex(zeroblob(400000000)));
