create buf 100 allot
: main
  buf 100 stdin read-line throw drop
  ." Hello, " buf swap type ." ! 6*7=" 6 7 * 0 .r cr
  3 (bye) ;
main
