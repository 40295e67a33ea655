(let ((chunks '()))
  (loop (push (make-array (* 16 1024 1024) :element-type '(unsigned-byte 8) :initial-element 1) chunks)))
