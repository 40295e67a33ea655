with Ada.Text_IO; use Ada.Text_IO;

procedure Main is
   Line : constant String (1 .. 1000) := (others => 'x');
begin
   loop
      Put_Line (Line);
   end loop;
end Main;
