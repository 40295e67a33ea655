: spin  0 begin 1+ 1000 mod again ;
spin
