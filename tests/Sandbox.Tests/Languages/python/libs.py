import numpy, sympy

print(int(numpy.arange(1, 4).sum()), sympy.factorint(42))
