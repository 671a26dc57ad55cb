/* LD_PRELOAD shim for test_faults.py: a kernel without the "mptcp_pm"
 * generic netlink family, as seen by one process.
 *
 * Generic netlink families are global to the kernel, and MPTCP is built in
 * here (CONFIG_MPTCP=y cannot be unloaded), so no network namespace can
 * lack the family. This shim makes the question fail instead of the answer:
 * it renames "mptcp_pm" to "mptcp_p?" in the CTRL_CMD_GETFAMILY requests the
 * process sends (through sendto, send or a one-buffer sendmsg: libmnl and
 * iproute2), and the real kernel answers ENOENT ("no such family"), exactly
 * as a kernel built without MPTCP does. Everything else the process sends
 * goes out unchanged.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>

static const char kFamily[] = "mptcp_pm";

/* Renames the family in a copy of buf, if the message asks for it. Returns
 * the copy (to free) or NULL when the message is something else. */
static void *hidden(const void *buf, size_t len) {
    if (len > 65536) {
        return NULL;
    }
    const struct nlmsghdr *header = buf;
    if (len < NLMSG_HDRLEN + GENL_HDRLEN || header->nlmsg_type != GENL_ID_CTRL ||
        header->nlmsg_len > len) {
        return NULL;
    }
    const struct genlmsghdr *genl = NLMSG_DATA(header);
    if (genl->cmd != CTRL_CMD_GETFAMILY) {
        return NULL;
    }
    char *copy = malloc(len);
    if (!copy) {
        return NULL;
    }
    memcpy(copy, buf, len);
    size_t at = NLMSG_HDRLEN + GENL_HDRLEN;
    while (at + NLA_HDRLEN <= header->nlmsg_len) {
        struct nlattr *attr = (struct nlattr *)(copy + at);
        if (attr->nla_len < NLA_HDRLEN || at + attr->nla_len > header->nlmsg_len) {
            break;
        }
        char *value = (char *)attr + NLA_HDRLEN;
        if ((attr->nla_type & NLA_TYPE_MASK) == CTRL_ATTR_FAMILY_NAME &&
            (size_t)attr->nla_len >= NLA_HDRLEN + sizeof(kFamily) &&
            memcmp(value, kFamily, sizeof(kFamily)) == 0) {
            value[sizeof(kFamily) - 2] = '?';
            return copy;
        }
        at += (size_t)NLA_ALIGN(attr->nla_len);
    }
    free(copy);
    return NULL;
}

/* glibc declares the address as __CONST_SOCKADDR_ARG (a transparent union
 * under _GNU_SOURCE); the definition must match. */
typedef ssize_t (*SendTo)(int, const void *, size_t, int, __CONST_SOCKADDR_ARG, socklen_t);
typedef ssize_t (*SendMsg)(int, const struct msghdr *, int);

ssize_t sendto(int fd, const void *buf, size_t len, int flags, __CONST_SOCKADDR_ARG to,
               socklen_t tolen) {
    static SendTo real;
    if (!real) {
        *(void **)&real = dlsym(RTLD_NEXT, "sendto");
    }
    void *copy = hidden(buf, len);
    ssize_t sent = real(fd, copy ? copy : buf, len, flags, to, tolen);
    free(copy);
    return sent;
}

ssize_t send(int fd, const void *buf, size_t len, int flags) {
    return sendto(fd, buf, len, flags, (const struct sockaddr *)NULL, 0);
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags) {
    static SendMsg real;
    if (!real) {
        *(void **)&real = dlsym(RTLD_NEXT, "sendmsg");
    }
    void *copy = NULL;
    if (msg && msg->msg_iovlen == 1 && msg->msg_iov) {
        copy = hidden(msg->msg_iov[0].iov_base, msg->msg_iov[0].iov_len);
    }
    if (!copy) {
        return real(fd, msg, flags);
    }
    struct iovec iov = {copy, msg->msg_iov[0].iov_len};
    struct msghdr changed = *msg;
    changed.msg_iov = &iov;
    ssize_t sent = real(fd, &changed, flags);
    free(copy);
    return sent;
}
