(while t)
