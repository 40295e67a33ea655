NR == 1 { printf "Hello, %s! 6*7=%d\n", $0, 6 * 7; exit 3 }
