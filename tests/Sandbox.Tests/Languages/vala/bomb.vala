void main () {
    var chunks = new GLib.List<string> ();
    while (true) {
        chunks.prepend (string.nfill (16 << 20, 'x'));
    }
}
