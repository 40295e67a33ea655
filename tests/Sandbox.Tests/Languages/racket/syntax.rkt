#lang racket/base
(displayln "x"
