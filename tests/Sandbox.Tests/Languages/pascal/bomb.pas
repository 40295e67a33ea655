program Main;
var
  p: pointer;
begin
  while true do
  begin
    GetMem(p, 16 * 1024 * 1024);
    FillChar(p^, 16 * 1024 * 1024, 1);
  end;
end.
