h
:a
G
h
ba
