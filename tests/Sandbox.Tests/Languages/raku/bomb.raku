my @chunks;
loop { @chunks.push: buf8.allocate(16 +< 20, 1) }
