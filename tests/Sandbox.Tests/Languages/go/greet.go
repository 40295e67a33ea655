package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	name, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	fmt.Printf("Hello, %s! 6*7=%d\n", strings.TrimSpace(name), 6*7)
	os.Exit(3)
}
