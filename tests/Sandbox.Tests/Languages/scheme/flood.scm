(define line (make-string 1000 #\x))
(let loop () (display line) (newline) (loop))
