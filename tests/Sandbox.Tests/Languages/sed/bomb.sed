:a
s/.*/&&/
ba
