program main
  x = 
end program main
