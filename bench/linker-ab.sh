#!/usr/bin/env bash
# The linker A/B behind the gcc and rust compile commands (issue 13): the same compile inside the runner image with
# the default linker (GNU ld, bfd) and with gold (`-fuse-ld=gold`, part of binutils, already in both images), median
# of 5 compiles in one container, as the sandbox's user with an exec tmpfs and one CPU. Uses the images
# images/build.sh built. Prints a markdown table (docs/startup-tweaks.md keeps the last one).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/in.sh" <<'IN'
cd /tmp && cp "/ab/$1" . && for i in 1 2 3 4 5; do
  s=$(date +%s%N); sh -c "$2" >/dev/null 2>&1 || echo "compile failed: $2" >&2; echo $(( ($(date +%s%N) - s) / 1000000 ))
done | sort -n | sed -n 3p
IN
printf '#include <bits/stdc++.h>\nusing namespace std;\nint main() { cout << "Hello, world!" << endl; }\n' >"$work/bits.cpp"
printf '#include <iostream>\nint main() { std::cout << "Hello, world!" << std::endl; }\n' >"$work/io.cpp"
printf '#include <stdio.h>\nint main(void) { puts("Hello, world!"); return 0; }\n' >"$work/main.c"
printf 'fn main() { println!("Hello, world!"); }\n' >"$work/main.rs"
chmod -R a+rX "$work"
median() {
  docker run --rm --network none --label codecube.bench=linker --user 10001 --cpus 1 --tmpfs /tmp:rw,exec,size=256m \
    -v "$work:/ab:ro" "$1" sh /ab/in.sh "$2" "$3"
}
row() { # name image file compile-with-bfd compile-with-gold
  echo "| $1 | $(median "$2" "$3" "$4") | $(median "$2" "$3" "$5") |"
}
echo "| compile (median of 5, ms) | GNU ld | gold |"
echo "|---|---|---|"
row 'cpp, `#include <bits/stdc++.h>`' codecube/gcc:latest bits.cpp \
  'cp bits.cpp main.cpp; g++ -std=gnu++20 -O2 -Wall -o main main.cpp' 'cp bits.cpp main.cpp; g++ -std=gnu++20 -O2 -Wall -fuse-ld=gold -o main main.cpp'
row 'cpp, `#include <iostream>`' codecube/gcc:latest io.cpp \
  'cp io.cpp main.cpp; g++ -std=gnu++20 -O2 -Wall -o main main.cpp' 'cp io.cpp main.cpp; g++ -std=gnu++20 -O2 -Wall -fuse-ld=gold -o main main.cpp'
row 'c' codecube/gcc:latest main.c 'gcc -std=gnu17 -O2 -Wall -o main main.c -lm' 'gcc -std=gnu17 -O2 -Wall -fuse-ld=gold -o main main.c -lm'
row 'rust' codecube/rust:latest main.rs 'rustc -O -o main main.rs' 'rustc -O -C link-arg=-fuse-ld=gold -o main main.rs'
