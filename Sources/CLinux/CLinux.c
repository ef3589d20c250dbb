#include "CLinux.h"
#include <errno.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#ifndef BADGEKIOSK_COMMIT
#define BADGEKIOSK_COMMIT "unknown"
#endif

const char *CLinux_build_commit(void) {
    return BADGEKIOSK_COMMIT;
}

static int guard_fd = -1;
static int guard_output = -1;
static struct termios guard_saved;
static char guard_reset[64];
static size_t guard_reset_length = 0;
static int guard_wake = -1;
static volatile sig_atomic_t guard_resized = 0;
static const int guard_fatal_signals[] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP};
#define GUARD_FATAL_COUNT (sizeof(guard_fatal_signals) / sizeof(guard_fatal_signals[0]))

static void guard_write(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        bytes += written;
        length -= (size_t)written;
    }
}

static void guard_fatal(int signal_number) {
    int saved_errno = errno;
    if (guard_fd >= 0) {
        guard_write(guard_output, guard_reset, guard_reset_length);
        while (tcsetattr(guard_fd, TCSAFLUSH, &guard_saved) < 0 && errno == EINTR) {}
    }
    errno = saved_errno;
    // SA_RESETHAND already put the default action back; the signal is blocked until we return.
    raise(signal_number);
}

static void guard_winch(int signal_number) {
    (void)signal_number;
    int saved_errno = errno;
    guard_resized = 1;
    if (guard_wake >= 0) {
        uint64_t one = 1;
        while (write(guard_wake, &one, sizeof one) < 0 && errno == EINTR) {}
    }
    errno = saved_errno;
}

void CLinux_terminal_guard_install(int termios_fd, int output_fd, const struct termios *saved, const char *reset,
                                   int wake_fd) {
    guard_saved = *saved;
    size_t length = strlen(reset);
    if (length >= sizeof guard_reset) length = sizeof guard_reset - 1;
    memcpy(guard_reset, reset, length);
    guard_reset_length = length;
    guard_wake = wake_fd;
    guard_output = output_fd;
    guard_fd = termios_fd;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = guard_fatal;
    action.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < GUARD_FATAL_COUNT; i++) sigaction(guard_fatal_signals[i], &action, NULL);
    action.sa_handler = guard_winch;
    action.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &action, NULL);
}

void CLinux_terminal_guard_remove(void) {
    for (size_t i = 0; i < GUARD_FATAL_COUNT; i++) signal(guard_fatal_signals[i], SIG_DFL);
    signal(SIGWINCH, SIG_DFL);
    guard_fd = -1;
    guard_wake = -1;
}

int CLinux_terminal_guard_take_resize(void) {
    int resized = guard_resized;
    guard_resized = 0;
    return resized;
}

int CLinux_spawn_in_pty(int *master, const char *path, char *const argv[], char *const envp[],
                        unsigned short rows, unsigned short cols) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    size.ws_row = rows;
    size.ws_col = cols;
    pid_t pid = forkpty(master, NULL, NULL, &size);
    if (pid == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        signal(SIGPIPE, SIG_DFL);
        execve(path, argv, envp);
        _exit(127);
    }
    return pid;
}
