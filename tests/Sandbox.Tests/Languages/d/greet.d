import std.stdio, std.string;

int main() {
    auto name = readln().strip();
    writefln("Hello, %s! 6*7=%d", name, 6 * 7);
    return 3;
}
