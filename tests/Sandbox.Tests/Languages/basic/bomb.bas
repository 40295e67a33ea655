s$ = "x"
do
  s$ = s$ + s$
loop
