-module(main).
-export([main/0]).

main() -> flood(lists:duplicate(1000, $x)).

flood(Line) -> io:put_chars([Line, $\n]), flood(Line).
