void main () {
    string line = string.nfill (1000, 'x');
    while (true) {
        stdout.printf ("%s\n", line);
    }
}
