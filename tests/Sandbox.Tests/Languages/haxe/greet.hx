class Main {
  static function main() {
    var name = Sys.stdin().readLine();
    Sys.println('Hello, $name! 6*7=${6 * 7}');
    Sys.exit(3);
  }
}
