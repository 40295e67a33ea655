module main;
  initial begin
    x = ;
  end
endmodule
