program main
  do
    print '(A)', repeat('x', 1000)
  end do
end program main
