fn main() {
    let line = "x".repeat(1000);
    loop {
        println!("{}", line);
    }
}
