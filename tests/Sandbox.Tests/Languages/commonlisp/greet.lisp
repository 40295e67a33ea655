(let ((name (read-line)))
  (format t "Hello, ~a! 6*7=~d~%" name (* 6 7))
  (finish-output)
  (sb-ext:exit :code 3))
