module main;
  initial $fatal(1, "boom");
endmodule
