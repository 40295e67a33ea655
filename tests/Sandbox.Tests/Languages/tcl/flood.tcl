set line [string repeat x 1000]
while 1 { puts $line }
