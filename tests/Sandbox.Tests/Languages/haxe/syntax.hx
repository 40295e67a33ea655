class Main {
  static function main() {
    trace("x";
  }
}
