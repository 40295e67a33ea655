class Main {
  static function main() {
    var chunks = [];
    while (true) {
      var b = haxe.io.Bytes.alloc(16 << 20);
      b.fill(0, b.length, 1);
      chunks.push(b);
    }
  }
}
