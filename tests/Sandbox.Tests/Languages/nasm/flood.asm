        section .data
line:   times 1000 db "x"
        db 10

        section .text
        global _start
_start:
        mov eax, 1
        mov edi, 1
        mov rsi, line
        mov edx, 1001
        syscall
        jmp _start
