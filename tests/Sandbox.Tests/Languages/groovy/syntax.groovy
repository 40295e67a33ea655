def x = (
