val x = ;
