int main () {
    string name = stdin.read_line ();
    print ("Hello, %s! 6*7=%d\n", name, 6 * 7);
    return 3;
}
