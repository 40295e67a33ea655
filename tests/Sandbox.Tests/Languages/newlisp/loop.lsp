(while true)
