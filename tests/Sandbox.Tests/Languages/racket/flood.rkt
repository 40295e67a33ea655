#lang racket/base
(define line (make-string 1000 #\x))
(let loop () (displayln line) (loop))
