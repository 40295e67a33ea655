: main  1 2 undefined-word ;
main
