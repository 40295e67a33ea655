program Main;
var
  name: string;
begin
  ReadLn(name);
  WriteLn('Hello, ', name, '! 6*7=', 6 * 7);
  Halt(3);
end.
