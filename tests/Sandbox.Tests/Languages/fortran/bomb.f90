program main
  real, pointer :: chunk(:)
  do
    allocate(chunk(4000000))
    chunk = 1.0
  end do
end program main
