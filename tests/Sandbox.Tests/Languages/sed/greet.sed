s/.*/Hello, &! 6*7=42/
q3
