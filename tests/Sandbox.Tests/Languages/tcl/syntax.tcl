puts "unclosed
