// One write each of more than a pipe holds (64 KiB): blocking, write returns once all of it is in the pipe; not
// blocking (Node's own choice for pipes on Linux), the rest stays queued in the heap and writableLength shows it.
const chunk = "x".repeat(1 << 20);
process.stdout.write(chunk);
const stdout = process.stdout.writableLength;
process.stderr.write(chunk);
const stderr = process.stderr.writableLength;
console.log(`\nqueued: stdout ${stdout}, stderr ${stderr}`);
