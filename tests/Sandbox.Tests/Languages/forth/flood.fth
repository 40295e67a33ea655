: flood  begin 1000 0 do [char] x emit loop cr again ;
flood
