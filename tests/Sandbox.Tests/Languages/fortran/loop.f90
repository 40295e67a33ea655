program main
  integer, volatile :: i = 0
  do
    i = mod(i + 1, 1000)
  end do
end program main
