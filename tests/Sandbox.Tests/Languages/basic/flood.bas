line$ = ""
for i = 1 to 1000 : line$ = line$ + "x" : next i
do
  print line$
loop
