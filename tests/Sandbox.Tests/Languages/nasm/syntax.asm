        section .text
        global _start
_start:
        mov eax, ebx, ecx
