(let ((name (read-from-minibuffer "")))
  (princ (format "Hello, %s! 6*7=%d\n" name (* 6 7)))
  (kill-emacs 3))
