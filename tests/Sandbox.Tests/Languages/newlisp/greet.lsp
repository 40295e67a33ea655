(set 'name (read-line))
(println "Hello, " name "! 6*7=" (* 6 7))
(exit 3)
