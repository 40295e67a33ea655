with Ada.Text_IO; use Ada.Text_IO;
with Ada.Strings; use Ada.Strings;
with Ada.Strings.Fixed; use Ada.Strings.Fixed;
with Ada.Command_Line;

procedure Main is
   Name : constant String := Get_Line;
begin
   Put_Line ("Hello, " & Name & "! 6*7=" & Trim (Integer'Image (6 * 7), Left));
   Ada.Command_Line.Set_Exit_Status (3);
end Main;
