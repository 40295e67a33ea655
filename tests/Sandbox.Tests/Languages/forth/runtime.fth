: main  true abort" boom" ;
main
