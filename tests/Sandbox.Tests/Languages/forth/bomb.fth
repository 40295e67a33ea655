: bomb  begin 16777216 allocate throw 16777216 1 fill again ;
bomb
