gets stdin name
puts "Hello, $name! 6*7=[expr {6 * 7}]"
exit 3
