/*
 * codecube-runner: PID 2 of every sandbox container (tini is PID 1).
 *
 * Reads one run request from stdin (docs/runner-protocol.md), writes the code into /tmp/box, compiles it if the
 * language needs that, prints the marker line and execs the program with the rest of stdin untouched.
 *
 * Usage: codecube-runner --file NAME [--compile CMD] [--compile-timeout-ms N] -- RUN-ARGV...
 *
 * Static, no stdio on the protocol path: every read and write goes through the helpers below, which handle
 * EINTR and short transfers, so no byte of the program's stdin can end up in a buffer we own.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BOX_DIR "/tmp/box"
#define MAGIC "CODECUBE/1 "
#define NONCE_LEN 32
#define HEADER_MAX 128                 /* the longest valid header is ~66 bytes */
#define CODE_MAX (16L * 1024 * 1024)   /* same as the fsize ulimit: a bigger file could not be written anyway */
#define ARGS_MAX (256L * 1024)         /* well under ARG_MAX, so execvp cannot fail with E2BIG on our account */
#define DEFAULT_COMPILE_TIMEOUT_MS 10000L

static char nonce[NONCE_LEN + 1];      /* empty until the header gave us a valid one */

static int write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Reads exactly len bytes (never more: the bytes after them belong to the program). 0 = ok, -1 = EOF/error. */
static int read_exact(int fd, char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = read(fd, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

/* The marker goes to both streams so the host can split compile output from program output on each of them. */
static void marker(const char *status)
{
    char line[160];
    int len = snprintf(line, sizeof line, "\n@@CODECUBE %s %s@@\n", nonce, status);
    write_all(STDOUT_FILENO, line, (size_t)len);
    write_all(STDERR_FILENO, line, (size_t)len);
}

static void die(const char *word, const char *detail)
{
    char status[64];
    /* Without a valid nonce a marker would be rejected by the host anyway; the exit code 2 still tells it. */
    if (nonce[0] != '\0') {
        snprintf(status, sizeof status, "error %s", word);
        marker(status);
    }
    fprintf(stderr, "codecube-runner: %s%s%s\n", word, detail ? ": " : "", detail ? detail : "");
    exit(2);
}

static int is_lower_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* Parses 1-10 decimal digits ending at `stop`; returns -1 on anything else. */
static long parse_size(const char **p, char stop)
{
    long value = 0;
    int digits = 0;
    while (**p >= '0' && **p <= '9' && digits < 10) {
        value = value * 10 + (**p - '0');
        (*p)++;
        digits++;
    }
    if (digits == 0 || **p != stop)
        return -1;
    (*p)++;
    return value;
}

/* Reads "CODECUBE/1 <nonce> <code-bytes> <args-bytes>\n" one byte at a time, so nothing past the newline is read. */
static void read_header(long *code_len, long *args_len)
{
    char line[HEADER_MAX + 1];
    size_t len = 0;
    int complete = 0;
    while (len < HEADER_MAX) {
        if (read_exact(STDIN_FILENO, &line[len], 1) != 0)
            break;
        if (line[len] == '\n') {
            complete = 1;
            break;
        }
        len++;
    }
    line[len] = '\0';

    /* Take the nonce first, so even a malformed rest of the header gets an answer the host can match. */
    size_t magic_len = strlen(MAGIC);
    if (len >= magic_len + NONCE_LEN && memcmp(line, MAGIC, magic_len) == 0) {
        int ok = 1;
        for (size_t i = 0; i < NONCE_LEN; i++)
            ok &= is_lower_hex(line[magic_len + i]);
        if (ok && (len == magic_len + NONCE_LEN || line[magic_len + NONCE_LEN] == ' '))
            memcpy(nonce, &line[magic_len], NONCE_LEN);
    }
    if (!complete)
        die(len == HEADER_MAX ? "header-too-long" : "short-read", "header");
    if (nonce[0] == '\0')
        die("bad-header", "magic or nonce");
    /* The sizes must follow a space; without it there is nothing to parse (and p would point past the end). */
    if (len <= magic_len + NONCE_LEN || line[magic_len + NONCE_LEN] != ' ')
        die("bad-header", "separator");

    const char *p = line + magic_len + NONCE_LEN + 1;
    *code_len = parse_size(&p, ' ');
    *args_len = parse_size(&p, '\0');
    if (*code_len < 0 || *args_len < 0)
        die("bad-header", "sizes");
    if (*code_len > CODE_MAX || *args_len > ARGS_MAX)
        die("too-large", NULL);
}

/* Streams exactly len bytes of code from stdin into the file, in chunks, so big sources need no big buffer. */
static void write_code(const char *file, long len)
{
    if (mkdir(BOX_DIR, 0700) != 0 && errno != EEXIST)
        die("mkdir-failed", strerror(errno));
    if (chdir(BOX_DIR) != 0)
        die("mkdir-failed", strerror(errno));
    int fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        die("write-failed", strerror(errno));
    char buf[65536];
    while (len > 0) {
        size_t chunk = len < (long)sizeof buf ? (size_t)len : sizeof buf;
        if (read_exact(STDIN_FILENO, buf, chunk) != 0)
            die("short-read", "code");
        if (write_all(fd, buf, chunk) != 0)
            die("write-failed", strerror(errno));
        len -= (long)chunk;
    }
    if (close(fd) != 0)
        die("write-failed", strerror(errno));
}

/* Reads the NUL-terminated arguments; returns a NULL-terminated array pointing into one buffer. */
static char **read_args(long len, int *count)
{
    char *buf = malloc((size_t)len + 1);
    if (buf == NULL || read_exact(STDIN_FILENO, buf, (size_t)len) != 0)
        die("short-read", "args");
    if (len > 0 && buf[len - 1] != '\0')
        die("bad-args", "last argument not NUL-terminated");
    int n = 0;
    for (long i = 0; i < len; i++)
        n += buf[i] == '\0';
    char **args = calloc((size_t)n + 1, sizeof *args);
    if (args == NULL)
        die("bad-args", "out of memory");
    char *p = buf;
    for (int i = 0; i < n; i++) {
        args[i] = p;
        p += strlen(p) + 1;
    }
    *count = n;
    return args;
}

static long elapsed_ms(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000L + (now.tv_nsec - start->tv_nsec) / 1000000L;
}

/*
 * Runs the compile command in its own process group (compilers fork: gcc -> cc1 -> as, go -> compile/link), so a
 * timeout can kill all of it at once. Returns the wait status, or -1 on timeout.
 */
static int compile(const char *cmd, long timeout_ms)
{
    sigset_t chld, old;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    /* Blocked before fork, so the exit cannot slip in between fork and sigtimedwait. */
    sigprocmask(SIG_BLOCK, &chld, &old);

    pid_t pid = fork();
    if (pid < 0)
        die("fork-failed", strerror(errno));
    if (pid == 0) {
        setpgid(0, 0);
        sigprocmask(SIG_SETMASK, &old, NULL);   /* a blocked mask would survive exec into the compiler */
        int null = open("/dev/null", O_RDONLY);
        if (null < 0 || dup2(null, STDIN_FILENO) < 0)
            _exit(126);                          /* the compiler must never eat the program's stdin */
        close(null);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    setpgid(pid, pid);                           /* also in the parent: whichever runs first wins the race */

    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    int status = 0;
    for (;;) {
        pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid)
            break;
        long left = timeout_ms - elapsed_ms(&start);
        if (left <= 0) {
            kill(-pid, SIGKILL);
            while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
                ;
            status = -1;
            break;
        }
        struct timespec wait = { left / 1000, (left % 1000) * 1000000L };
        sigtimedwait(&chld, NULL, &wait);        /* wakes on SIGCHLD or when the time is up */
    }
    kill(-pid, SIGKILL);                         /* stray background jobs of the compile must not outlive it */
    sigprocmask(SIG_SETMASK, &old, NULL);
    return status;
}

int main(int argc, char **argv)
{
    const char *file = NULL, *compile_cmd = NULL, *usage = NULL;
    long timeout_ms = DEFAULT_COMPILE_TIMEOUT_MS;
    int run_at = -1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            run_at = i + 1;
            break;
        }
        if (i + 1 >= argc) {
            usage = "option without value";
            break;
        }
        if (strcmp(argv[i], "--file") == 0)
            file = argv[++i];
        else if (strcmp(argv[i], "--compile") == 0)
            compile_cmd = argv[++i];
        else if (strcmp(argv[i], "--compile-timeout-ms") == 0) {
            char *end;
            timeout_ms = strtol(argv[++i], &end, 10);
            if (*end != '\0' || timeout_ms <= 0)
                usage = "bad --compile-timeout-ms";
        } else {
            usage = "unknown option";
            break;
        }
    }
    if (usage == NULL && (run_at < 0 || run_at >= argc))
        usage = "missing run command after --";
    if (usage == NULL && (file == NULL || file[0] == '\0' || strchr(file, '/') != NULL ||
                          strcmp(file, ".") == 0 || strcmp(file, "..") == 0))
        usage = "--file must be a plain file name";

    /* Not dumpable: the program (our child, same uid) can neither ptrace us nor read /proc/<runner>/mem or
       environ, so it cannot learn the nonce and forge an end marker. exec resets this only for the child. */
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        die("prctl-failed", strerror(errno));

    long code_len, args_len;
    /* The header comes first even for a usage error: with its nonce the host gets an answer it can match. */
    read_header(&code_len, &args_len);
    if (usage != NULL)
        die("usage", usage);
    write_code(file, code_len);
    int user_argc;
    char **user_args = read_args(args_len, &user_argc);

    if (compile_cmd != NULL) {
        int status = compile(compile_cmd, timeout_ms);
        if (status == -1) {
            marker("compile-timeout");
            return 1;
        }
        int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        if (code != 0) {
            char text[48];
            snprintf(text, sizeof text, "compile-failed %d", code);
            marker(text);
            return 1;
        }
    }

    int run_argc = argc - run_at;
    char **run = calloc((size_t)(run_argc + user_argc + 1), sizeof *run);
    if (run == NULL)
        die("bad-args", "out of memory");
    memcpy(run, &argv[run_at], (size_t)run_argc * sizeof *run);
    memcpy(run + run_argc, user_args, (size_t)user_argc * sizeof *run);

    marker("run");
    /*
     * The program runs as our child rather than in our place, so that the moment it exits we can say so with its
     * status: the host answers at once instead of waiting for the container's teardown (tens of milliseconds of
     * engine work) to close the streams. Stdin, stdout and stderr are inherited untouched.
     */
    pid_t child = fork();
    if (child < 0) {
        fprintf(stderr, "codecube-runner: cannot start %s: %s\n", run[0], strerror(errno));
        marker("exit 127");
        return 127;
    }
    if (child == 0) {
        execvp(run[0], run);
        /* The run marker is already out, so this is reported like a shell would: the program "exited" with 127. */
        fprintf(stderr, "codecube-runner: cannot run %s: %s\n", run[0], strerror(errno));
        _exit(127);
    }
    /* Our copy of stdin is not needed; closing it leaves the program the only reader. */
    close(STDIN_FILENO);
    int status;
    while (waitpid(child, &status, 0) < 0) {
        if (errno != EINTR) {
            marker("error wait");
            return 2;
        }
    }
    char end[48];
    int code;
    if (WIFSIGNALED(status)) {
        snprintf(end, sizeof end, "signal %d", WTERMSIG(status));
        code = 128 + WTERMSIG(status);
    } else {
        code = WEXITSTATUS(status);
        snprintf(end, sizeof end, "exit %d", code);
    }
    marker(end);
    return code;
}
