-module(main).
-export([main/0]).

main() ->
    Name = string:trim(io:get_line("")),
    io:format("Hello, ~s! 6*7=~b~n", [Name, 6 * 7]),
    halt(3).
