[range(1000) | "x"] | add | repeat(.)
