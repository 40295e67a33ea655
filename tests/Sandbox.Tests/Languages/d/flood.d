import std.stdio, std.array;

void main() {
    auto line = replicate("x", 1000);
    for (;;) writeln(line);
}
