(let ((line (make-string 1000 ?x)))
  (while t (princ line) (princ "\n")))
