#ifndef LOA_CSYSTEM_SHIM_H
#define LOA_CSYSTEM_SHIM_H
/* Linux system calls glibc declares only under _GNU_SOURCE, which Swift's Glibc module does
   not define. */
#include <unistd.h>
#include <sys/syscall.h>
/* syncfs(2): writes back every dirty page of the file system holding fd, and reports a
   writeback error since fd was opened (Linux 5.8+). */
static inline int csystem_syncfs(int fd) { return (int)syscall(SYS_syncfs, fd); }
#endif
