        section .bss
name:   resb 128
num:    resb 4

        section .data
hello:  db "Hello, "
hlen    equ $ - hello
tail:   db "! 6*7="
tlen    equ $ - tail

        section .text
        global _start
_start:
        mov eax, 0              ; read(0, name, 128)
        mov edi, 0
        mov rsi, name
        mov edx, 128
        syscall
        mov r12, rax
        cmp r12, 0
        jle .print
        cmp byte [name + r12 - 1], 10
        jne .print
        dec r12                 ; drop the newline
.print:
        mov eax, 1
        mov edi, 1
        mov rsi, hello
        mov edx, hlen
        syscall
        mov eax, 1
        mov edi, 1
        mov rsi, name
        mov rdx, r12
        syscall
        mov eax, 1
        mov edi, 1
        mov rsi, tail
        mov edx, tlen
        syscall
        mov eax, 6              ; 6 * 7, printed as two digits
        imul eax, eax, 7
        xor edx, edx
        mov ecx, 10
        div ecx
        add al, '0'
        add dl, '0'
        mov [num], al
        mov [num + 1], dl
        mov byte [num + 2], 10
        mov eax, 1
        mov edi, 1
        mov rsi, num
        mov edx, 3
        syscall
        mov eax, 60             ; exit(3)
        mov edi, 3
        syscall
