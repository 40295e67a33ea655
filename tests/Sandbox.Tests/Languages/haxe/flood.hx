class Main {
  static function main() {
    var line = StringTools.lpad("", "x", 1000);
    while (true) Sys.println(line);
  }
}
