#ifndef CLINUX_H
#define CLINUX_H
// Linux calls that Swift's Glibc module does not import.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/socket.h>

static const int CLinux_EPOLL_CLOEXEC = EPOLL_CLOEXEC;
static const unsigned int CLinux_EPOLLIN = EPOLLIN;
static const unsigned int CLinux_EPOLLOUT = EPOLLOUT;
static const unsigned int CLinux_EPOLLERR = EPOLLERR;
static const unsigned int CLinux_EPOLLHUP = EPOLLHUP;
static const unsigned int CLinux_EPOLLRDHUP = EPOLLRDHUP;
static const unsigned int CLinux_EPOLLET = EPOLLET;
static const unsigned int CLinux_EPOLLEXCLUSIVE = EPOLLEXCLUSIVE;
static const int CLinux_EFD_NONBLOCK = EFD_NONBLOCK;
static const int CLinux_EFD_CLOEXEC = EFD_CLOEXEC;

// accept4 is declared only under _GNU_SOURCE, which Swift's Glibc module is not built with.
extern int accept4(int fd, struct sockaddr *addr, socklen_t *addrlen, int flags);


// The terminal front: termios, window size, the console font's Unicode map, pseudo-terminals.
#include <termios.h>
#include <sys/ioctl.h>
#include <linux/kd.h>

static const unsigned long CLinux_TIOCGWINSZ = TIOCGWINSZ;
static const unsigned long CLinux_TIOCSWINSZ = TIOCSWINSZ;
static const unsigned long CLinux_GIO_UNIMAP = GIO_UNIMAP;

// Remembers how to put the terminal back (its saved termios and a reset sequence) and installs
// handlers that do it, in async-signal-safe C, on SIGTERM, SIGHUP, SIGINT, SIGQUIT and on crashes
// (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP), then let the signal take its default course.
// SIGWINCH sets a flag and writes to `wake_fd` (an eventfd) so a poll loop notices the resize.
void CLinux_terminal_guard_install(int termios_fd, int output_fd, const struct termios *saved, const char *reset,
                                   int wake_fd);
// Puts the default signal handlers back (after a normal restore).
void CLinux_terminal_guard_remove(void);
// 1 if a SIGWINCH arrived since the last call, else 0.
int CLinux_terminal_guard_take_resize(void);
// forkpty, then in the child only async-signal-safe calls (unblock signals, execve): safe to call
// from a threaded process. Returns the child's pid (or -1 with errno) and the master side in *master.
int CLinux_spawn_in_pty(int *master, const char *path, char *const argv[], char *const envp[],
                        unsigned short rows, unsigned short cols);

// The git commit this binary was built from, as kiosk/build-deb.sh passes it
// (-Xcc -DBADGEKIOSK_COMMIT=\"abc1234\"); "unknown" in a development build.
const char *CLinux_build_commit(void);

#endif
