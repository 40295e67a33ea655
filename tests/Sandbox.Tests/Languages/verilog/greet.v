module main;
  reg [8*100:1] name;
  integer n;
  initial begin
    n = $fscanf(32'h8000_0000, "%s", name);
    $display("Hello, %0s! 6*7=%0d", name, 6 * 7);
    $finish;
  end
endmodule
