class Main {
  static function main() {
    var i = 0;
    while (true) i = (i + 1) % 1000;
  }
}
