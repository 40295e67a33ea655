void main () {
    error ("boom");
}
