procedure Main is
   I : Integer := 0 with Volatile;
begin
   loop
      I := (I + 1) mod 1000;
   end loop;
end Main;
