#!/usr/bin/env python3
"""Drives `digestkit lsp` over stdio on a workspace of digests, as an editor would, and prints:
- index: from `initialize` to the first cross-file diagnostic against a file never opened (the workspace is indexed);
  the server's own "indexed N digests in X ms" log line too;
- edit: a one-character change in an open digest -> its publishDiagnostics for that version (median of ROUNDS);
- cross-file: a slug edited in one open digest -> the other open digest's DK6001 appears (median of ROUNDS);
- peak RSS of the server process (VmHWM).

usage: lsp_bench.py DIGESTKIT_DLL WORKSPACE_DIR [ROUNDS]
"""
import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time


class Client:
    def __init__(self, cmd):
        self.p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.q = queue.Queue()
        self.log = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._stderr, daemon=True).start()

    def _stderr(self):
        for line in self.p.stderr:
            self.log.append(line.decode(errors="replace").rstrip())

    def _read(self):
        f = self.p.stdout
        while True:
            length = None
            while True:
                line = f.readline()
                if not line:
                    self.q.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                k, v = line.decode().split(":", 1)
                if k.lower() == "content-length":
                    length = int(v)
            self.q.put((time.perf_counter(), json.loads(f.read(length))))

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.next_id

    def wait(self, pred, timeout=120):
        end = time.time() + timeout
        while True:
            item = self.q.get(timeout=max(0.01, end - time.time()))
            if item is None:
                raise EOFError("server exited: " + "\n".join(self.log))
            at, m = item
            if pred(m):
                return at, m


def cpu_ms(pid):
    """User + system CPU time of a process: steadier than wall time on a loaded machine."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def uri(path):
    return "file://" + os.path.abspath(path)


def publish_for(u, version=None, code=None, absent=None):
    def pred(m):
        if m.get("method") != "textDocument/publishDiagnostics" or m["params"]["uri"] != u:
            return False
        if version is not None and m["params"].get("version") != version:
            return False
        codes = {d["code"] for d in m["params"]["diagnostics"]}
        if code is not None and code not in codes:
            return False
        if absent is not None and absent in codes:
            return False
        return True
    return pred


def main():
    dll, root = sys.argv[1], os.path.abspath(sys.argv[2])
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".md"))
    print(f"workspace: {len(files)} digests, {sum(os.path.getsize(f) for f in files) / 1e6:.1f} MB")

    c = Client(["dotnet", dll, "lsp"])
    t0 = time.perf_counter()
    i = c.request("initialize", {"processId": os.getpid(), "rootUri": uri(root), "capabilities": {}})
    c.wait(lambda m: m.get("id") == i)
    c.notify("initialized", {})

    # A buffer with the slug of the first file on disk (never opened) and a path after it: DK6001 once indexed.
    first = open(files[0], encoding="utf-8").read()
    probe = os.path.join(root, "zzz-probe.md")
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri(probe), "languageId": "markdown", "version": 1, "text": first}})
    at, _ = c.wait(publish_for(uri(probe), code="DK6001"))
    index_ms = (at - t0) * 1000
    print(f"index: initialize -> DK6001 against an unopened file: {index_ms:.0f} ms")
    print("server: " + next((l for l in c.log if "indexed" in l), "(no index log line)"))
    print(f"index: server CPU time so far (user + sys, start-up included): {cpu_ms(c.p.pid):.0f} ms")
    c.notify("textDocument/didClose", {"textDocument": {"uri": uri(probe)}})

    # Two open digests from the workspace.
    a, b = files[len(files) // 2], files[len(files) // 2 + 1]
    texts = {}
    for n, path in enumerate((a, b)):
        texts[path] = open(path, encoding="utf-8").read()
        c.notify("textDocument/didOpen", {"textDocument": {"uri": uri(path), "languageId": "markdown", "version": 1, "text": texts[path]}})
        c.wait(publish_for(uri(path), version=1))

    # One-character edits in the abstract region of A: insert then delete an 'x' at the start of the last line.
    lines = texts[a].split("\n")
    line = len(lines) - 2
    edit_ms = []
    version = 1
    for r in range(rounds):
        version += 1
        change = {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "x"} if r % 2 == 0 else \
                 {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 1}}, "text": ""}
        sent = time.perf_counter()
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri(a), "version": version}, "contentChanges": [change]})
        at, _ = c.wait(publish_for(uri(a), version=version))
        edit_ms.append((at - sent) * 1000)
    print(f"edit: one-character change -> its diagnostics: median {statistics.median(edit_ms):.1f} ms, max {max(edit_ms):.1f} ms ({rounds} rounds)")

    # Cross-file: give A the slug of B and back. B sorts after A, so B gets the DK6001 (and loses it again).
    slug_line = next(k for k, l in enumerate(lines) if l.startswith("slug: "))
    slug_a = lines[slug_line]
    slug_b = next(l for l in texts[b].split("\n") if l.startswith("slug: "))
    cross_ms = []
    for r in range(rounds):
        version += 1
        new = slug_b if r % 2 == 0 else slug_a
        change = {"range": {"start": {"line": slug_line, "character": 0}, "end": {"line": slug_line, "character": len(slug_a if r % 2 == 0 else slug_b)}}, "text": new}
        sent = time.perf_counter()
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri(a), "version": version}, "contentChanges": [change]})
        at, _ = c.wait(publish_for(uri(b), code="DK6001") if r % 2 == 0 else publish_for(uri(b), absent="DK6001"))
        cross_ms.append((at - sent) * 1000)
    print(f"cross-file: slug edited in one file -> the other file's DK6001 updated: median {statistics.median(cross_ms):.1f} ms, max {max(cross_ms):.1f} ms ({rounds} rounds)")

    with open(f"/proc/{c.p.pid}/status") as f:
        status = dict(l.split(":", 1) for l in f if ":" in l)
    print(f"memory: peak RSS {int(status['VmHWM'].split()[0]) / 1024:.0f} MB, current {int(status['VmRSS'].split()[0]) / 1024:.0f} MB")

    # With DIGESTKIT_TIMINGS=1 the server logs where each round of diagnostics went.
    for line in [l for l in c.log if "timings:" in l][-6:]:
        print("server: " + line)

    i = c.request("shutdown", None)
    c.wait(lambda m: m.get("id") == i)
    c.notify("exit", None)
    print(f"exit code: {c.p.wait()}")


if __name__ == "__main__":
    main()
