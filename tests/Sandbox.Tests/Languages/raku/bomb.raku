my @chunks;
loop { @chunks.push: ("x" x (16 +< 20)).encode }
