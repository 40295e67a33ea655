procedure Main is
   type Chunk is array (1 .. 4_000_000) of Integer;
   type Chunk_Access is access Chunk;
   P : Chunk_Access;
begin
   loop
      P := new Chunk'(others => 1);
   end loop;
end Main;
