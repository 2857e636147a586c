/* libxml2 loaded on first use (issue 16): each libxml2 function loa calls is defined here as
   a one-instruction stub that jumps through loa_xml2_functions (lazy.c), the way a PLT entry
   jumps through the GOT. Until libxml2 is loaded, every entry of that table points to this
   file's loa_xml2_lazy_NAME, which records the function's index and calls loa_xml2_load
   (dlopen and dlsym of every function, once), then jumps to the function found. So a run
   that writes no XML (one where nothing changed, `loa --version`) never maps libxml2 and the
   ICU, liblzma and zlib it needs: 0.4 ms of a 3.6 ms run (Benchmarks/analysis.md). The
   technique is Implib.so's (github.com/yugr/Implib.so).

   x86-64 and AArch64 Linux (the AArch64 stubs are assembled in CI's build but run only on
   such machines). */
#include "functions.h"

#if defined(__x86_64__) && defined(__linux__)

        .text

#define LOA_XML2_STUB(index, name)                                                       \
        .globl name;                                                                     \
        .type name, @function;                                                           \
        .p2align 4;                                                                      \
name:                                                                                    \
        jmp *loa_xml2_functions + 8 * index(%rip);                                       \
        .size name, . - name;                                                            \
        .globl loa_xml2_lazy_##name;                                                     \
        .hidden loa_xml2_lazy_##name;                                                    \
        .type loa_xml2_lazy_##name, @function;                                           \
loa_xml2_lazy_##name:                                                                    \
        movl $index, %r11d;                                                              \
        jmp loa_xml2_lazy;                                                               \
        .size loa_xml2_lazy_##name, . - loa_xml2_lazy_##name;

LOA_XML2_FUNCTIONS(LOA_XML2_STUB)

/* Entered by jmp from a stub, the caller's arguments in place and %r11 the function's index:
   saves every argument register (the integer ones, the vector ones, and %rax, which holds the
   count of vector arguments of a variadic call), loads libxml2, restores them and jumps to
   the function, so it returns straight to the caller. %r10 and %r11 carry no arguments in
   the System V ABI. */
        .p2align 4
        .type loa_xml2_lazy, @function
loa_xml2_lazy:
        pushq %rbp
        movq %rsp, %rbp
        pushq %rdi
        pushq %rsi
        pushq %rdx
        pushq %rcx
        pushq %r8
        pushq %r9
        pushq %rax
        pushq %r11
        subq $128, %rsp
        movdqu %xmm0, 0(%rsp)
        movdqu %xmm1, 16(%rsp)
        movdqu %xmm2, 32(%rsp)
        movdqu %xmm3, 48(%rsp)
        movdqu %xmm4, 64(%rsp)
        movdqu %xmm5, 80(%rsp)
        movdqu %xmm6, 96(%rsp)
        movdqu %xmm7, 112(%rsp)
        call loa_xml2_load
        movdqu 0(%rsp), %xmm0
        movdqu 16(%rsp), %xmm1
        movdqu 32(%rsp), %xmm2
        movdqu 48(%rsp), %xmm3
        movdqu 64(%rsp), %xmm4
        movdqu 80(%rsp), %xmm5
        movdqu 96(%rsp), %xmm6
        movdqu 112(%rsp), %xmm7
        addq $128, %rsp
        popq %r11
        popq %rax
        popq %r9
        popq %r8
        popq %rcx
        popq %rdx
        popq %rsi
        popq %rdi
        popq %rbp
        leaq loa_xml2_functions(%rip), %r10
        jmp *(%r10,%r11,8)
        .size loa_xml2_lazy, . - loa_xml2_lazy

#elif defined(__aarch64__) && defined(__linux__)

        .text

#define LOA_XML2_STUB(index, name)                                                       \
        .globl name;                                                                     \
        .type name, %function;                                                           \
        .p2align 4;                                                                      \
name:                                                                                    \
        adrp x16, loa_xml2_functions;                                                    \
        add x16, x16, :lo12:loa_xml2_functions;                                          \
        ldr x16, [x16, #(8 * index)];                                                    \
        br x16;                                                                          \
        .size name, . - name;                                                            \
        .globl loa_xml2_lazy_##name;                                                     \
        .hidden loa_xml2_lazy_##name;                                                    \
        .type loa_xml2_lazy_##name, %function;                                           \
loa_xml2_lazy_##name:                                                                    \
        mov x17, #(index);                                                               \
        b loa_xml2_lazy;                                                                 \
        .size loa_xml2_lazy_##name, . - loa_xml2_lazy_##name;

LOA_XML2_FUNCTIONS(LOA_XML2_STUB)

/* x0-x7 and q0-q7 carry arguments, x8 the address of a returned structure; x16 and x17 are
   the intra-procedure-call scratch registers (x17: the function's index). */
        .p2align 4
        .type loa_xml2_lazy, %function
loa_xml2_lazy:
        stp x29, x30, [sp, #-16]!
        mov x29, sp
        stp x0, x1, [sp, #-16]!
        stp x2, x3, [sp, #-16]!
        stp x4, x5, [sp, #-16]!
        stp x6, x7, [sp, #-16]!
        stp x8, x17, [sp, #-16]!
        stp q0, q1, [sp, #-32]!
        stp q2, q3, [sp, #-32]!
        stp q4, q5, [sp, #-32]!
        stp q6, q7, [sp, #-32]!
        bl loa_xml2_load
        ldp q6, q7, [sp], #32
        ldp q4, q5, [sp], #32
        ldp q2, q3, [sp], #32
        ldp q0, q1, [sp], #32
        ldp x8, x17, [sp], #16
        ldp x6, x7, [sp], #16
        ldp x4, x5, [sp], #16
        ldp x2, x3, [sp], #16
        ldp x0, x1, [sp], #16
        ldp x29, x30, [sp], #16
        adrp x16, loa_xml2_functions
        add x16, x16, :lo12:loa_xml2_functions
        ldr x16, [x16, x17, lsl #3]
        br x16
        .size loa_xml2_lazy, . - loa_xml2_lazy
#endif

        .section .note.GNU-stack,"",@progbits
