        section .data
msg:    db "boom", 10

        section .text
        global _start
_start:
        mov eax, 1
        mov edi, 2
        mov rsi, msg
        mov edx, 5
        syscall
        mov rax, [0]            ; segmentation fault
