program main
  error stop 'boom'
end program main
