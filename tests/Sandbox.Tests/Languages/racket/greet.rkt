#lang racket/base
(define name (read-line))
(printf "Hello, ~a! 6*7=~a\n" name (* 6 7))
(exit 3)
