const chunks = [];
for (;;) chunks.push(Buffer.alloc(16 << 20, 1));
