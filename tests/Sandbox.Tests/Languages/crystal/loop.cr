i = 0
loop { i = (i + 1) % 1000 }
