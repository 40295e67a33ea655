program Main;
var
  line: string;
begin
  line := StringOfChar('x', 200);
  while true do WriteLn(line);
end.
