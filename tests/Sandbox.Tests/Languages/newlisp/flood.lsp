(set 'line (dup "x" 1000))
(while true (println line))
