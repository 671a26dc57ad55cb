"""`mptcpctl connections` against ss on a live two-subflow connection.

TwoHosts setup; one connection client 10.1.1.2 -> server 10.1.1.1:5000 is
held open and, thanks to the client's `subflow` endpoint (id 1, dev cv2), has a
second subflow 10.1.2.2 -> 10.1.1.1:5000. The oracle is
`ip netns exec NS ss -Mni` (MPTCP sockets) and `ss -tni` (subflows with
`tcp-ulp-mptcp ... token:REMOTE(id:R)/LOCAL(id:L)`).

Key names of the JSON output are read through contract.py.
"""

import json
import unittest

import contract
import netns
from netns import TwoHosts

NBYTES = 300000


def setUpModule():
    netns.require_environment()


def wait_for_two_subflows(ns, timeout=10):
    """Poll ss until one MPTCP socket has two established subflows; return
    (sock, flows), or None when the second subflow did not come."""
    def ready():
        socks = [s for s in netns.ss_mptcp_sockets(ns) if s["token"] is not None]
        if len(socks) != 1:
            return None
        flows = [f for f in netns.ss_mptcp_subflows(ns)
                 if f["token"] == socks[0]["token"] and f["state"] == "ESTAB"]
        return (socks[0], flows) if len(flows) == 2 else None
    try:
        return netns.wait_until(ready, timeout=timeout, message=f"2 subflows in ss of {ns.name}")
    except AssertionError:
        return None


def connect_with_two_subflows(net, attempts=3):
    """A client connection with its second subflow: (client, local, sock, flows).

    Now and then (twice in some twenty runs on a loaded 2-core machine) the
    kernel's path manager makes no join at all for a fresh connection — no
    MPJoinSynTx, nothing in ss — and it never retries. That is the kernel's
    business, not what these tests look at, so the connection is made again.
    """
    report = []
    for _ in range(attempts):
        client, local = net.connect(nbytes=NBYTES)
        found = wait_for_two_subflows(net.client)
        if found:
            return (client, local, *found)
        report.append(net.client.run("ss", "-MtniH").stdout)
        netns.close_client(client)
    joins = net.client.run("nstat", "-asz", "MPTcpExtMPJoin*").stdout
    raise AssertionError(f"no second subflow in {attempts} connections of {net.client.name}\n"
                         + "\n".join(report) + "\n" + joins)


class ConnectionTestCase(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        netns.require_environment()
        netns.mptcpctl_path()
        cls.net = TwoHosts(cls.addClassCleanup)
        cls.server = cls.net.start_server()
        cls.client_proc, cls.local, cls.ss_sock, cls.ss_flows = connect_with_two_subflows(
            cls.net)
        cls.token = cls.ss_sock["token"]

    def connections_json(self, ns):
        proc = netns.mptcpctl(ns, "connections", json_output=True)
        try:
            data = json.loads(proc.stdout)
        except ValueError:
            self.fail(f"connections -j is not JSON:\n{netns.describe(proc)}")
        self.assertIsInstance(data, list, f"connections -j is not an array: {data!r}")
        return data

    def find(self, conns, token):
        for conn in conns:
            if contract.conn_token(conn) == token:
                return conn
        self.fail(f"no connection with token {token:08x} in {conns!r}")


class Connections(ConnectionTestCase):
    def test_oracle_view(self):
        """What ss shows is what the setup should produce."""
        net = self.net
        self.assertEqual(self.ss_sock["local"], self.local)
        self.assertEqual(self.ss_sock["remote"], (net.SERVER_ADDR, net.PORT))
        by_id = {f["local_id"]: f for f in self.ss_flows}
        self.assertEqual(sorted(by_id), [0, net.SUBFLOW_ENDPOINT_ID], self.ss_flows)
        self.assertEqual(by_id[0]["local"], self.local)
        self.assertEqual(by_id[1]["local"][0], net.CLIENT_ADDR2)
        for flow in self.ss_flows:
            self.assertEqual(flow["remote"], (net.SERVER_ADDR, net.PORT))
            self.assertEqual(flow["remote_id"], 0)

    def test_json_connection_matches_ss(self):
        conns = self.connections_json(self.net.client)
        ours = [(s["local"], s["remote"]) for s in netns.ss_mptcp_sockets(self.net.client)]
        self.assertEqual(sorted(contract.conn_endpoints(c) for c in conns), sorted(ours),
                         "MPTCP connections (local, remote) differ from ss -Mni")
        conn = self.find(conns, self.token)
        self.assertEqual(contract.conn_endpoints(conn), (self.ss_sock["local"],
                                                          self.ss_sock["remote"]))

    def test_json_subflows_match_ss(self):
        conn = self.find(self.connections_json(self.net.client), self.token)
        subflows = contract.conn_subflows(conn)
        got = sorted(contract.subflow_endpoints(sf) for sf in subflows)
        want = sorted((f["local"], f["remote"]) for f in self.ss_flows)
        self.assertEqual(got, want, "subflow (local, remote) pairs differ from ss -tni")

    def test_json_subflow_ids_and_flags(self):
        conn = self.find(self.connections_json(self.net.client), self.token)
        ss_by_ends = {(f["local"], f["remote"]): f for f in self.ss_flows}
        for sf in contract.conn_subflows(conn):
            ends = contract.subflow_endpoints(sf)
            with self.subTest(subflow=ends):
                flow = ss_by_ends.get(ends)
                self.assertIsNotNone(flow, f"subflow {sf!r} not in ss")
                self.assertEqual(contract.subflow_ids(sf), (flow["local_id"], flow["remote_id"]))
                self.assertFalse(contract.subflow_backup(sf), sf)

    def test_json_bytes(self):
        conn = self.find(self.connections_json(self.net.client), self.token)
        total = sum(contract.subflow_bytes_sent(sf) for sf in contract.conn_subflows(conn))
        self.assertGreaterEqual(total, NBYTES, conn)

    def test_plain_lists_connection_and_subflows(self):
        text = netns.mptcpctl(self.net.client, "connections").stdout
        for (addr, port) in ([self.ss_sock["local"], self.ss_sock["remote"]]
                             + [f["local"] for f in self.ss_flows]):
            self.assertTrue(contract.plain_mentions_endpoint(text, addr, port),
                            f"{addr}:{port} missing from mptcpctl connections:\n{text}")
        self.assertTrue(contract.plain_mentions_token(text, self.token),
                        f"token {self.token:08x} missing from:\n{text}")

    def test_server_side(self):
        """The server namespace sees the same connection from the other end."""
        server = self.net.server
        socks = [s for s in netns.ss_mptcp_sockets(server) if s["state"] == "ESTAB"]
        self.assertEqual(len(socks), 1, socks)
        flows = [f for f in netns.ss_mptcp_subflows(server) if f["token"] == socks[0]["token"]]
        conn = self.find(self.connections_json(server), socks[0]["token"])
        self.assertEqual(contract.conn_endpoints(conn), (socks[0]["local"], socks[0]["remote"]))
        self.assertEqual(sorted(contract.subflow_endpoints(sf)
                                for sf in contract.conn_subflows(conn)),
                         sorted((f["local"], f["remote"]) for f in flows))
        self.assertEqual(len(flows), 2, flows)

    def test_empty_namespace(self):
        with netns.Namespace() as ns:
            self.assertEqual(self.connections_json(ns), [])
            proc = netns.mptcpctl(ns, "connections")
            self.assertEqual(proc.returncode, 0)


class BackupSubflow(ConnectionTestCase):
    """`endpoint change id 1 backup` on a live connection marks its subflow backup."""

    def test_backup_flag_follows_endpoint(self):
        net = self.net
        netns.mptcpctl(net.client, "endpoint", "change", "id", str(net.SUBFLOW_ENDPOINT_ID),
                       "backup")

        def flagged():
            flows = [f for f in netns.ss_mptcp_subflows(net.client) if f["token"] == self.token]
            marked = [f for f in flows if f["backup"]]
            return flows if marked else None
        flows = netns.wait_until(flagged, timeout=10, message="ss to show the backup flag")
        want = {(f["local"], f["remote"]): f["backup"] for f in flows}
        self.assertEqual(sum(want.values()), 1, flows)
        conn = self.find(self.connections_json(net.client), self.token)
        got = {contract.subflow_endpoints(sf): contract.subflow_backup(sf)
               for sf in contract.conn_subflows(conn)}
        self.assertEqual(got, want, "backup flags differ from ss (flags b)")


if __name__ == "__main__":
    unittest.main()
