        section .text
        global _start
_start:
        mov eax, 9              ; mmap 16 MiB, anonymous
        xor edi, edi
        mov esi, 16777216
        mov edx, 3
        mov r10d, 0x22
        mov r8, -1
        xor r9d, r9d
        syscall
        mov rbx, rax
        lea rcx, [rax + 16777216]
.touch:
        mov byte [rbx], 1
        add rbx, 4096
        cmp rbx, rcx
        jb .touch
        jmp _start
