void main() {
    ubyte[][] chunks;
    for (;;) {
        auto chunk = new ubyte[16 << 20];
        chunk[] = 1;
        chunks ~= chunk;
    }
}
