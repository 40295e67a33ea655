use std::io::BufRead;

fn main() {
    let mut name = String::new();
    std::io::stdin().lock().read_line(&mut name).unwrap();
    println!("Hello, {}! 6*7={}", name.trim(), 6 * 7);
    std::process::exit(3);
}
