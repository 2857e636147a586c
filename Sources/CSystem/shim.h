#ifndef LOA_CSYSTEM_SHIM_H
#define LOA_CSYSTEM_SHIM_H
/* Linux system calls glibc declares only under _GNU_SOURCE, which Swift's Glibc module does
   not define. */
#include <unistd.h>
#include <sys/syscall.h>
/* syncfs(2): writes back every dirty page of the file system holding fd, and reports a
   writeback error since fd was opened (Linux 5.8+). */
static inline int csystem_syncfs(int fd) { return (int)syscall(SYS_syncfs, fd); }

/* getdents64(2): the next directory entries of fd into buf, as struct linux_dirent64 records
   (d_ino 8 bytes, d_off 8, d_reclen 2, d_type 1, then d_name, NUL-terminated); 0 at the end.
   One call where opendir/readdir on a descriptor costs six more (dup, fstat, two fcntl, lseek,
   close): the output folders are listed on every run. */
static inline long csystem_getdents64(int fd, void *buf, unsigned long size) {
  return syscall(SYS_getdents64, fd, buf, size);
}

#include <malloc.h>
/* glibc's malloc gives the top of the heap back to the kernel as soon as more than 128 KB
   is free there, and serves blocks of 128 KB and more with mmap, until the first such free
   raises those thresholds (by how much depends on what was freed first). A run builds one
   document of about 250 KB after another, and paid a fresh page fault for every page of
   nearly each one: a 50-item RSS document took 1.7 times as long as the C program's, which
   reuses its pages (Benchmarks/analysis.md, "Freed memory kept for the next document").
   Fixed thresholds: blocks under 32 MB come from the heap, and up to 64 MB of free memory at
   its top stays mapped for the next document. Returns 0 when glibc refused either. */
static inline int csystem_keep_freed_memory(void) {
  return mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024) && mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
}
#endif
