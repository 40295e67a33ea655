module main;
  integer i;
  initial begin
    i = 0;
    forever i = (i + 1) % 1000;
  end
endmodule
