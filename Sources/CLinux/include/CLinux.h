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

#endif
