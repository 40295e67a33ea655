program Main;
begin
  x := ;
end.
