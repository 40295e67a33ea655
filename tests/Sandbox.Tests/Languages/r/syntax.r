print("x"
