#!/usr/bin/env bash
# Before/after of the per-language start-up tweaks (issue 13): compile time inside the runner image, median of 5
# compiles in one container, as the sandbox's user with an exec tmpfs. Pass the image tags to compare:
#   bench/startup-ab.sh GCC_BEFORE GCC_AFTER JAVA_BEFORE JAVA_AFTER   (e.g. codecube/gcc:<old tag> codecube/gcc:latest)
# Prints a markdown table (docs/startup-tweaks.md keeps the last one).
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 GCC_BEFORE GCC_AFTER JAVA_BEFORE JAVA_AFTER" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat >"$work/in.sh" <<'IN'
cd /tmp && cp "/ab/$1" . && for i in 1 2 3 4 5; do
  s=$(date +%s%N); sh -c "$2" >/dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 ))
done | sort -n | sed -n 3p
IN
printf '#include <bits/stdc++.h>\nusing namespace std;\nint main() { cout << "Hello, world!" << endl; }\n' >"$work/bits.cpp"
printf '#include <iostream>\nint main() { std::cout << "Hello, world!" << std::endl; }\n' >"$work/io.cpp"
printf 'public class Main { public static void main(String[] a) { System.out.println("Hello, world!"); } }\n' >"$work/Main.java"
chmod -R a+rX "$work"
median() {
  docker run --rm --network none --label codecube.bench=startup --user 10001 --tmpfs /tmp:rw,exec,size=256m \
    -v "$work:/ab:ro" "$1" sh /ab/in.sh "$2" "$3"
}
gpp='g++ -std=gnu++20 -O2 -Wall -o main main.cpp'
javac_flags='-J-XX:+UseSerialGC -J-XX:TieredStopAtLevel=1 Main.java'
echo "| compile (median of 5, ms) | before | after |"
echo "|---|---|---|"
echo "| cpp, \`#include <bits/stdc++.h>\` | $(median "$1" bits.cpp "cp bits.cpp main.cpp; $gpp") | $(median "$2" bits.cpp "cp bits.cpp main.cpp; $gpp") |"
echo "| cpp, \`#include <iostream>\` | $(median "$1" io.cpp "cp io.cpp main.cpp; $gpp") | $(median "$2" io.cpp "cp io.cpp main.cpp; $gpp") |"
echo "| java, javac | $(median "$3" Main.java "javac $javac_flags") | $(median "$4" Main.java "javac -J-XX:SharedArchiveFile=/opt/codecube/javac.jsa $javac_flags") |"
