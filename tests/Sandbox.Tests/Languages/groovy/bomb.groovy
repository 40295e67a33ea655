def chunks = []
while (true) chunks << new byte[16 << 20]
