(set 'chunks '())
(while true (push (dup "x" 16000000) chunks))
