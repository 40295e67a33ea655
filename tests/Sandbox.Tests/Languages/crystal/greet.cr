name = gets.not_nil!.strip
puts "Hello, #{name}! 6*7=#{6 * 7}"
exit 3
