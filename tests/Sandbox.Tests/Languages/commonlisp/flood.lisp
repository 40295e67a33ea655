(let ((line (make-string 1000 :initial-element #\x)))
  (loop (write-line line)))
