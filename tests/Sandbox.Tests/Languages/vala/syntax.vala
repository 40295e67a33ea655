int main () { int x = "a"; return 0; }
