program main
  character(len=100) :: name
  read (*, '(A)') name
  print '(A, I0)', 'Hello, ' // trim(name) // '! 6*7=', 6 * 7
  call exit(3)
end program main
