program Main;
uses SysUtils;
begin
  raise Exception.Create('boom');
end.
