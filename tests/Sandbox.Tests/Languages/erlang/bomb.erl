-module(main).
-export([main/0]).

main() -> grow([]).

grow(Chunks) -> grow([lists:seq(1, 1000000) | Chunks]).
