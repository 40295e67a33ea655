fn main() {
    let mut chunks = Vec::new();
    loop {
        chunks.push(vec![1u8; 16 << 20]);
    }
}
