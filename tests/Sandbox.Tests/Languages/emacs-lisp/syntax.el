(princ "x"
