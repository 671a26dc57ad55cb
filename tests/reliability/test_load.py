"""Load: 32 client processes x 1,000 mixed calls against one helper.

Half the clients run as GRANTED (uid 1), half as DENIED (uid 65534); each is
a load_client.py process with its own bus connection, making one call at a
time as fast as it is answered (see load_client.py for the mix: 40% reads,
endpoint adds/removes/flag changes of an endpoint each GRANTED client owns,
SetLimits, Subscribe/Unsubscribe; DENIED clients also try to remove the
GRANTED clients' endpoints).

Passes when:
* every call is answered, and the only errors are the expected ones:
  NotAuthorized for every DENIED call that needs polkit, Kernel "at most 8
  endpoints" when eight exist, Kernel "already exists" / "no endpoint has
  this id" exactly when the client's own bookkeeping says so;
* the helper is the same process afterwards, with as many fds as before
  the load and RSS within RSS_TOLERANCE_KIB of the warmed-up baseline
  (figures printed as "[figures] ..." lines);
* the kernel holds exactly the endpoints (and flags) the clients' last
  successful calls left, and limits set by a SetLimits call that nothing
  else could have followed (its reply came after every other successful
  SetLimits was sent).

CALLS (per client) can be lowered with MPTCP_LOAD_CALLS for a quick run;
the default is the issue's 1,000.
"""

import json
import os
import time
import unittest

import rel_common as rc
from rel_common import bf
from bus_fixture import DENIED, GRANTED, ip_endpoints
from netns import Background

CLIENTS = 32
CALLS = int(os.environ.get("MPTCP_LOAD_CALLS", "1000"))
RSS_TOLERANCE_KIB = 8192
NOT_AUTHORIZED = "NotAuthorized"


class Load(bf.HelperTestCase):

    def start_clients(self):
        clients = []
        for worker in range(CLIENTS):
            granted = worker < CLIENTS // 2
            argv = rc.script_argv(self.bus, GRANTED if granted else DENIED, "load_client.py",
                                  "--worker", worker, "--calls", CALLS,
                                  *(["--granted"] if granted else []))
            proc = Background(argv, stdin=True)
            self.bus.processes.append(proc)
            clients.append(proc)
        for proc in clients:
            proc.wait_line('{"ready"', timeout=60)
        return clients

    def warm_up(self):
        client = self.bus.client(GRANTED)
        for method, signature, args in (("Endpoints", "", []), ("Limits", "", []),
                                        ("SetLimits", "uu", [0, 0]), ("Subscribe", "", []),
                                        ("Unsubscribe", "", []), ("Connections", "", [])):
            self.assertOk(client.call(method, signature, *args), method)
        self.assertError(self.bus.client(DENIED).call("SetLimits", "uu", 1, 1),
                         bf.ERR_NOT_AUTHORIZED)

    def test_32_clients_1000_calls_each(self):
        probe = rc.HelperProbe(self.helper_proc.proc.pid)
        self.warm_up()
        rc.settle(probe)
        before = probe.snapshot()
        clients = self.start_clients()
        started = time.monotonic()
        for proc in clients:
            proc.send("go\n")
        peak = dict(before)
        results = []
        for proc in clients:
            line = proc.wait_line('{"worker"', timeout=600)
            results.append(json.loads(line))
            now = probe.snapshot()
            peak = {k: max(peak[k], now[k]) for k in now}
        seconds = time.monotonic() - started
        for proc in clients:
            proc.stop()

        # Answers.
        total = sum(r["calls"] for r in results)
        counts = {}
        for r in results:
            for key, n in r["counts"].items():
                counts[key] = counts.get(key, 0) + n
        unexpected = [(r["worker"], u) for r in results for u in r["unexpected"]]
        self.assertEqual(total, CLIENTS * CALLS)
        self.assertFalse(unexpected, f"unexpected answers: {unexpected[:10]}\n{self.diagnostics()}")
        for key in counts:
            if key.split()[1] not in ("ok", NOT_AUTHORIZED, "Kernel"):
                self.fail(f"unexpected outcome {key}: {counts[key]}")

        # The helper.
        self.assertHelperAlive()
        self.assertEqual(self.bus.owner_pid(), self.helper_proc.proc.pid)
        rc.settle(probe, 1.0)
        after = probe.snapshot()
        rc.report("load", clients=CLIENTS, calls=total, seconds=round(seconds, 1),
                  calls_per_second=round(total / seconds), fds_before=before["fds"],
                  fds_peak=peak["fds"], fds_after=after["fds"], rss_before_kib=before["rss_kib"],
                  rss_peak_kib=peak["rss_kib"], rss_after_kib=after["rss_kib"])
        rc.report("load outcomes", **{k.replace(" ", "_"): v for k, v in sorted(counts.items())})
        self.assertEqual(after["fds"], before["fds"], "\n".join(probe.fd_targets()))
        self.assertLessEqual(after["rss_kib"] - before["rss_kib"], RSS_TOLERANCE_KIB)

        # The kernel against the clients' last successful calls.
        want = sorted((r["endpoint"][0], r["endpoint"][1], 0, "", r["endpoint"][3])
                      for r in results if r["granted"] and r["endpoint"][2])
        self.assertEqual(ip_endpoints(self.ns), want)
        sets = [entry for r in results for entry in r["set_limits"]]
        self.assertTrue(sets, "no SetLimits succeeded")
        last_sent = sorted(sent for sent, _replied, _value in sets)
        candidates = {value for sent, replied, value in sets
                      if replied >= (last_sent[-2] if sent == last_sent[-1] and len(sets) > 1
                                     else last_sent[-1])}
        limits = self.ns.limits_dict()
        self.assertEqual(limits["subflows"], limits["add_addr_accepted"])
        self.assertIn(limits["subflows"], candidates,
                      f"limits {limits} are not from a last SetLimits ({candidates})")
        client = self.bus.client(DENIED)
        self.assertSameEndpoints(client)
        self.assertSameLimits(client)


if __name__ == "__main__":
    unittest.main()
