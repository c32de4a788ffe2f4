/*
 * The initramfs's /init: mounts the pseudo filesystems, loads the modules the rootfs needs, mounts
 * rootfs.sqsh read-only through a loop device, switches root to it and execs machined as PID 1.
 * Every fact (modules, paths, argv) comes from init-config.h, generated from @talos/constants.
 * PID 1 must never exit (the kernel panics), so every failure is reported and ends in a reboot.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "init-config.h"

/* From <linux/loop.h>, which musl's headers do not carry. */
#define LOOP_SET_FD 0x4C00
#define LOOP_CTL_GET_FREE 0x4C82

static void say(const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n >= sizeof buf) n = sizeof buf - 1;
  /* The kernel log stamps the line with the boot time and prints it on the console; without /dev
     mounted yet, the console the kernel opened for us (fd 2) is all there is. */
  int kmsg = open("/dev/kmsg", O_WRONLY | O_CLOEXEC);
  if (kmsg < 0 || write(kmsg, buf, n) < 0) (void)!write(2, buf, n);
  if (kmsg >= 0) close(kmsg);
}

static void fail(const char *what, const char *arg) {
  say("init: %s %s: %s\n", what, arg, strerror(errno));
  sleep(10);
  reboot(RB_AUTOBOOT);
  for (;;) pause();
}

static void mount_or_fail(const char *src, const char *dst, const char *type, unsigned long flags) {
  mkdir(dst, 0755);
  if (mount(src, dst, type, flags, 0) != 0) fail("mounting", dst);
}

static void console_on_stdio(void) {
  int fd = open("/dev/console", O_RDWR | O_NOCTTY);
  if (fd < 0) return; /* no console: messages still reach the kernel log */
  dup2(fd, 0);
  dup2(fd, 1);
  dup2(fd, 2);
  if (fd > 2) close(fd);
}

static void load_modules(void) {
  for (const char *const *m = init_modules; *m; m++) {
    int fd = open(*m, O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail("opening module", *m);
    if (syscall(SYS_finit_module, fd, "", 0) != 0 && errno != EEXIST) fail("loading module", *m);
    close(fd);
  }
}

/* Attaches the image to a free loop device; a backing file opened read-only makes the device read-only. */
static void attach_loop(const char *image, char *dev, size_t len) {
  int ctl = open("/dev/loop-control", O_RDWR | O_CLOEXEC);
  if (ctl < 0) fail("opening", "/dev/loop-control");
  int n = ioctl(ctl, LOOP_CTL_GET_FREE);
  if (n < 0) fail("finding a free loop device", "/dev/loop-control");
  close(ctl);
  snprintf(dev, len, "/dev/loop%d", n);

  int file = open(image, O_RDONLY | O_CLOEXEC);
  if (file < 0) fail("opening", image);
  /* devtmpfs creates the node asynchronously after LOOP_CTL_GET_FREE adds the device. */
  int loop = -1;
  for (int tries = 0; tries < 200 && loop < 0; tries++) {
    loop = open(dev, O_RDONLY | O_CLOEXEC);
    if (loop < 0) usleep(10000);
  }
  if (loop < 0) fail("opening", dev);
  if (ioctl(loop, LOOP_SET_FD, file) != 0) fail("attaching the rootfs to", dev);
  close(loop);
  close(file);
}

/*
 * Reads init_prefetch into the page cache from a child, on whichever CPU is idle, while PID 1 goes
 * on: Node's first start pages its 94 MiB binary in from the squashfs on its own thread otherwise.
 * The files are opened before the root moves (the child keeps the old root); the child exits when
 * done and machined, PID 1 by then, reaps it. Nothing here is needed: a failure is ignored.
 */
static void prefetch(void) {
  int fds[sizeof init_prefetch / sizeof init_prefetch[0]];
  size_t n = 0;
  for (const char *const *f = init_prefetch; *f; f++) {
    char file[256];
    snprintf(file, sizeof file, "%s%s", INIT_NEW_ROOT, *f);
    int fd = open(file, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) fds[n++] = fd;
  }
  pid_t pid = fork();
  if (pid == 0) {
    static char buf[1 << 20];
    for (size_t i = 0; i < n; i++)
      while (read(fds[i], buf, sizeof buf) > 0) {
      }
    _exit(0);
  }
  for (size_t i = 0; i < n; i++) close(fds[i]);
}

int main(void) {
  mount_or_fail("devtmpfs", "/dev", "devtmpfs", MS_NOSUID | MS_NOEXEC);
  console_on_stdio();
  mount_or_fail("proc", "/proc", "proc", MS_NOSUID | MS_NOEXEC | MS_NODEV);
  mount_or_fail("sysfs", "/sys", "sysfs", MS_NOSUID | MS_NOEXEC | MS_NODEV);

  load_modules();

  char dev[32];
  attach_loop(INIT_ROOTFS_IMAGE, dev, sizeof dev);
  mount_or_fail(dev, INIT_NEW_ROOT, "squashfs", MS_RDONLY);
  prefetch();

  say("init: switching root to %s (%s on %s), starting %s\n", INIT_NEW_ROOT, INIT_ROOTFS_IMAGE, dev, init_argv[0]);
  for (const char *const *m = init_move_mounts; *m; m++) {
    char target[256];
    snprintf(target, sizeof target, "%s%s", INIT_NEW_ROOT, *m);
    if (mount(*m, target, 0, MS_MOVE, 0) != 0) fail("moving mount to", target);
  }

  if (chdir(INIT_NEW_ROOT) != 0) fail("entering", INIT_NEW_ROOT);
  if (mount(".", "/", 0, MS_MOVE, 0) != 0) fail("moving the new root onto", "/");
  if (chroot(".") != 0) fail("changing root to", INIT_NEW_ROOT);
  if (chdir("/") != 0) fail("entering", "/");

  execv(init_argv[0], (char *const *)init_argv);
  fail("executing", init_argv[0]);
  return 1;
}
