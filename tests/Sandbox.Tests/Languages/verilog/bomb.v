module main;
  string s;
  initial begin
    s = "x";
    forever s = {s, s};
  end
endmodule
