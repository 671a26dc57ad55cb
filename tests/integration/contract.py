"""The parts of mptcpctl's output format that iproute2 does not define.

`endpoint show`, `limits show` and `monitor` (plain) are byte-for-byte those of
`ip mptcp` and are compared directly against ip. What is NOT fixed by ip --
the JSON of `monitor -j` and `limits show -j`, and both outputs of
`connections` -- is read only through the functions below, so that a change
of key names in the tool means editing this one file.

Pinned to what the work-in-progress mptcpctl printed when this was written
(adjust here):

monitor -j      one JSON object per line:
                {"type": "CREATED", "command": 1, "token": "c5583d09",
                 "family": "inet", "remote_id": 0, "local_id": 0,
                 "saddr": "10.1.1.2", "daddr": "10.1.1.1", "sport": 52418,
                 "dport": 5000}; SF_* events add "backup": false, "ifindex": 3;
                listener events: {"type": "LISTENER_CREATED", "command": 15,
                 "family": "inet", "saddr": ..., "sport": ...} (no token)
limits show -j  {"add_addr_accepted": 0, "subflows": 2}
connections -j  [{"state": "ESTAB", "local_address": "10.1.1.2",
                  "local_port": 52418, "remote_address": "10.1.1.1",
                  "remote_port": 5000, "token": "9bb72a03", "fallback": false,
                  "bytes_sent": ..., "bytes_received": ...,
                  "subflows": [{"state": "ESTAB", "local_address": ...,
                                "local_port": ..., "remote_address": ...,
                                "remote_port": ..., "local_id": 1,
                                "remote_id": 0, "dev": "cv2", "backup": false,
                                "remote_backup": false, "bytes_sent": ...,
                                "bytes_received": ..., "bytes_acked": ...}]}]
connections     (plain) every connection and subflow endpoint appears as
                ADDR:PORT (IPv6 as [ADDR]:PORT or ADDR:PORT), like ss, and the
                connection's token appears as 8 hex digits:
                  ESTAB      10.1.1.2:34990 <-> 10.1.1.1:5000 token 9bb72a03 subflows 2
                      ESTAB      10.1.2.2:45355 <-> 10.1.1.1:5000 ids 1/0 dev cv2 sent ...
"""

import ipaddress

# Key names; a tuple lists accepted alternatives, first match wins. A missing
# key is reported together with the object that lacked it.
KEYS = {
    "event_type": ("type",),
    "event_token": ("token",),
    "conn_token": ("token",),
    "conn_state": ("state",),
    "subflows": ("subflows",),
    "local_address": ("local_address",),
    "local_port": ("local_port",),
    "remote_address": ("remote_address",),
    "remote_port": ("remote_port",),
    "local_id": ("local_id",),
    "remote_id": ("remote_id",),
    "backup": ("backup",),
    "bytes_sent": ("bytes_sent",),
}

# `ip mptcp monitor` field name -> key(s) of the same value in `monitor -j`.
MONITOR_JSON_FIELDS = {
    "saddr4": ("saddr4", "saddr"),
    "daddr4": ("daddr4", "daddr"),
    "saddr6": ("saddr6", "saddr"),
    "daddr6": ("daddr6", "daddr"),
    "sport": ("sport",),
    "dport": ("dport",),
    "locid": ("locid", "local_id"),
    "remid": ("remid", "remote_id"),
    "backup": ("backup",),
    "ifindex": ("ifindex",),
}

LIMITS_JSON_KEYS = ("add_addr_accepted", "subflows")

# Whether the plain `connections` output must show each connection's token.
PLAIN_CONNECTIONS_SHOW_TOKEN = True


def _pick(obj, what):
    for key in KEYS[what]:
        if key in obj:
            return obj[key]
    raise AssertionError(f"no {what} key (tried {KEYS[what]}) in {obj!r}")


def _has(obj, what):
    return any(key in obj for key in KEYS[what])


def parse_token(value):
    """A token given as int, "c5583d09" or "0xc5583d09" -> int."""
    if isinstance(value, bool):
        raise AssertionError(f"token is a bool: {value!r}")
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return int(value, 16)
    raise AssertionError(f"token of unexpected type: {value!r}")


def normalize_address(value):
    """Canonical text of an address (strips %scope / brackets)."""
    text = str(value).split("%")[0].strip("[]")
    return str(ipaddress.ip_address(text))


# ---------------------------------------------------------------- monitor -j

def json_event_type(obj):
    """Event name as ip prints it between the brackets ("SF_ESTABLISHED")."""
    return _pick(obj, "event_type")


def json_event_token(obj):
    """Token as int, None for events without one (listener events)."""
    if not _has(obj, "event_token"):
        return None
    return parse_token(_pick(obj, "event_token"))


def json_event_field(obj, name):
    """The value of ip's field `name` (saddr4, locid, backup...) in a -j event,
    as ip would print it (text; booleans as 0/1). None when absent."""
    for key in MONITOR_JSON_FIELDS.get(name, (name,)):
        if key in obj:
            value = obj[key]
            if isinstance(value, bool):
                return str(int(value))
            return str(value)
    return None


# ------------------------------------------------------------ limits show -j

def json_limits(obj):
    """{"add_addr_accepted": N, "subflows": N} from `limits show -j`."""
    return {key: obj[key] for key in LIMITS_JSON_KEYS}


# ----------------------------------------------------------- connections -j

def conn_token(conn):
    return parse_token(_pick(conn, "conn_token"))


def conn_subflows(conn):
    subflows = _pick(conn, "subflows")
    if not isinstance(subflows, list):
        raise AssertionError(f"subflows is not a list in {conn!r}")
    return subflows


def _endpoints(obj):
    return ((normalize_address(_pick(obj, "local_address")), int(_pick(obj, "local_port"))),
            (normalize_address(_pick(obj, "remote_address")), int(_pick(obj, "remote_port"))))


def conn_endpoints(conn):
    """((local_addr, local_port), (remote_addr, remote_port)) of the MPTCP socket."""
    return _endpoints(conn)


def subflow_endpoints(subflow):
    """((local_addr, local_port), (remote_addr, remote_port)) of one subflow."""
    return _endpoints(subflow)


def subflow_ids(subflow):
    """(local_id, remote_id)."""
    return int(_pick(subflow, "local_id")), int(_pick(subflow, "remote_id"))


def subflow_backup(subflow):
    return bool(_pick(subflow, "backup"))


def subflow_bytes_sent(subflow):
    return int(_pick(subflow, "bytes_sent"))


# ------------------------------------------------------- connections (plain)

def plain_mentions_endpoint(text, addr, port):
    """Whether the plain output names addr:port the way ss does."""
    candidates = [f"{addr}:{port}"]
    if ":" in addr:
        candidates.append(f"[{addr}]:{port}")
    return any(c in text for c in candidates)


def plain_mentions_token(text, token):
    if not PLAIN_CONNECTIONS_SHOW_TOKEN:
        return True
    return f"{token:08x}" in text.lower()
