#!/usr/bin/env python3
"""Hostile-client probes against a running host (memory mode, default limits): one line per probe.

Usage: probe.py PORT FRONTEND_ORIGIN. Standard library only.
"""
import http.client
import json
import select
import socket
import statistics
import sys
import time
import uuid

PORT = int(sys.argv[1])
FRONTEND = sys.argv[2]
SLOW_SOURCES = [f"127.0.0.{i}" for i in range(2, 8)]


def request(method, path, body=None, headers=None, connection=None, timeout=30):
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    connection.request(method, path, body=data, headers=headers or {})
    response = connection.getresponse()
    payload = response.read()
    if own:
        connection.close()
    return response.status, response.headers, payload


def token(handle):
    status, _, payload = request("POST", "/dev/login", {"handle": handle})
    assert status == 200, (status, payload)
    return json.loads(payload)["access_token"]


def report(probe, result):
    print(f"{probe:<34} {result}", flush=True)


def health_latencies(count=20):
    latencies = []
    for _ in range(count):
        began = time.monotonic()
        try:
            status, _, _ = request("GET", "/health", timeout=5)
        except OSError:
            status = None
        latencies.append((time.monotonic() - began) * 1000 if status == 200 else float("inf"))
    return latencies


def slow_uploads(path, headers):
    """300 connections from six loopback addresses, each trickling a body at 1 byte a second."""
    sockets = []
    for i in range(300):
        s = socket.socket()
        s.bind((SLOW_SOURCES[i % len(SLOW_SOURCES)], 0))
        s.settimeout(5)
        try:
            s.connect(("127.0.0.1", PORT))
            head = f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n"
            s.sendall((head + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n").encode())
            sockets.append(s)
        except OSError:
            s.close()
    began = time.monotonic()
    answered = {}
    latencies = []
    while sockets and time.monotonic() - began < 30:
        for s in list(sockets):
            try:
                s.send(b" ")
            except OSError:
                pass
        if not latencies and time.monotonic() - began > 2:
            latencies = health_latencies()
        readable, _, _ = select.select(sockets, [], [], 1)
        for s in readable:
            try:
                line = s.recv(64).split(b"\r\n")[0].decode(errors="replace")
            except OSError:
                line = "reset"
            status = line.split(" ")[1] if line.startswith("HTTP/") else (line or "closed")
            answered[status] = answered.get(status, 0) + 1
            sockets.remove(s)
            s.close()
        time.sleep(max(0.0, 1 - (time.monotonic() - began) % 1))
    for s in sockets:
        s.close()
    finite = [l for l in latencies if l != float("inf")] or [float("nan")]
    return (f"/health answered {len(latencies) - latencies.count(float('inf'))}/{len(latencies)} within 5 s, "
            f"median {statistics.median(finite):.1f} ms, max {max(finite):.1f} ms; "
            f"slow ones after {time.monotonic() - began:.0f} s: {answered}")


def flood_sends(bearer):
    status, _, payload = request("POST", "/api/messages", {"handle": "@bayko", "message": "flood"},
                                 {"Authorization": f"Bearer {bearer}"})
    group = json.loads(payload)["message_group_uuid"]
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    statuses = {}
    first_refused = None
    retry_after = None
    began = time.monotonic()
    for i in range(2000):
        status, headers, _ = request("POST", "/api/messages",
                                     {"message_group_uuid": group, "message": f"flood {i}"},
                                     {"Authorization": f"Bearer {bearer}"}, connection)
        statuses[status] = statuses.get(status, 0) + 1
        if status == 429 and first_refused is None:
            first_refused, retry_after = i + 1, headers.get("Retry-After")
    elapsed = time.monotonic() - began
    return (f"2,000 sends in {elapsed:.1f} s ({2000 / elapsed:.0f}/s): {statuses}; "
            f"first 429 at send {first_refused}, Retry-After {retry_after} s")


def flood_logins():
    statuses = {}
    for _ in range(100):
        status, _, _ = request("POST", "/dev/login", {"handle": "bayko"})
        statuses[status] = statuses.get(status, 0) + 1
    return f"100 dev logins from one address: {statuses}"


def refused_tokens():
    statuses = {}
    for i in range(100):
        status, _, _ = request("GET", "/api/message_groups", headers={"Authorization": f"Bearer forged.{i}.token"})
        statuses[status] = statuses.get(status, 0) + 1
    return f"100 forged tokens from one address: {statuses}"


def origins(bearer, group):
    """A foreign origin, the host's own page and FRONTEND_URL, each sending one message."""
    auth = {"Authorization": f"Bearer {bearer}"}
    results = []
    for name, origin in (("foreign", "https://elsewhere.example"), ("own page", f"http://127.0.0.1:{PORT}"),
                         ("FRONTEND_URL", FRONTEND)):
        text = f"from {name} {uuid.uuid4()}"
        status, _, payload = request("POST", "/api/messages", {"message_group_uuid": group, "message": text},
                                     dict(auth, Origin=origin))
        stored = text in [m["message"] for m in json.loads(request("GET", f"/api/messages/{group}", headers=auth)[2])]
        answer = payload.decode() if status != 200 else ""
        results.append(f"{name} {status} {answer}".strip() + f", stored {stored}")
    return "; ".join(results)


def dropped_bodies():
    answers = {}
    for _ in range(250):
        s = socket.create_connection(("127.0.0.1", PORT))
        s.sendall(b"POST /dev/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 100\r\n\r\n{\"handle\":")
        s.shutdown(socket.SHUT_WR)
        s.settimeout(10)
        try:
            line = s.recv(64).split(b"\r\n")[0].decode()
            status = line.split(" ")[1] if line else "closed"
        except OSError:
            status = "reset"
        answers[status] = answers.get(status, 0) + 1
        s.close()
    return f"250 bodies cut short: {answers}"


def odd_input(bearer, group):
    auth = {"Authorization": f"Bearer {bearer}", "Content-Type": "application/json"}
    duplicate = request("POST", "/api/messages",
                        b'{"message_group_uuid":"%s","message":"a","message":"b"}' % group.encode(), auth)
    trailing = request("POST", "/api/messages", b'{"message_group_uuid":"%s","message":"a"} {}' % group.encode(), auth)
    invisible = request("POST", "/api/messages", {"message_group_uuid": group, "message": "\u200b\u200b"}, auth)
    control = request("POST", "/api/messages", {"message_group_uuid": group, "message": "a\u0000b"}, auth)
    return (f"duplicate key {duplicate[0]} {duplicate[2].decode()}, trailing data {trailing[0]} {trailing[2].decode()}, "
            f"only U+200B {invisible[0]} {invisible[2].decode()}, U+0000 {control[0]} {control[2].decode()}")


def headers_and_scheme(bearer):
    _, page, _ = request("GET", "/")
    wanted = ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"]
    present = [h for h in wanted if page.get(h)]
    lower = request("GET", "/api/message_groups", headers={"Authorization": f"bearer {bearer}"})[0]
    metrics = request("GET", "/metrics")[0]
    long_uri = request("GET", "/api/messages/" + "a" * 20000)
    return (f"page headers {present}, frame-ancestors {'frame-ancestors' in page.get('Content-Security-Policy', '')}; "
            f"'bearer' {lower}; /metrics on the API port {metrics}; 20 KB URI {long_uri[0]} {long_uri[2].decode()}")


def someone_elses_id(attacker, attackers_group, victim, victims_group):
    """The attacker sends first with the uuid the victim's client is about to use."""
    taken = str(uuid.uuid4())
    request("POST", "/api/messages", {"message_group_uuid": attackers_group, "message": "claimed", "message_uuid": taken},
            {"Authorization": f"Bearer {attacker}"})
    status, _, payload = request("POST", "/api/messages",
                                 {"message_group_uuid": victims_group, "message": "my own", "message_uuid": taken},
                                 {"Authorization": f"Bearer {victim}"})
    answer = json.loads(payload)
    stored = isinstance(answer, dict) and answer.get("message") == "my own"
    return f"a uuid someone else claimed first: {status} {'' if stored else payload.decode()}, stored: {stored}"


def main():
    alice, bayko, londo, altair = (token(handle) for handle in ("andrewbrown", "bayko", "londo", "altair"))
    report("slow uploads to /dev/login", slow_uploads("/dev/login", {}))
    report("slow uploads to /api/messages", slow_uploads("/api/messages", {"Authorization": f"Bearer {alice}"}))
    report("send flood", flood_sends(alice))
    group = json.loads(request("GET", "/api/message_groups", headers={"Authorization": f"Bearer {bayko}"})[2])[0]["uuid"]
    report("origins", origins(bayko, group))
    report("clients dropping mid-body", dropped_bodies())
    report("odd input", odd_input(bayko, group))
    report("headers, scheme, metrics, URI", headers_and_scheme(bayko))
    report("idempotency across senders", someone_elses_id(londo, start(londo, "altair"), bayko, group))
    report("dev login flood", flood_logins())
    report("refused tokens", refused_tokens())


def start(bearer, recipient):
    status, _, payload = request("POST", "/api/messages", {"handle": f"@{recipient}", "message": "hello"},
                                 {"Authorization": f"Bearer {bearer}"})
    assert status == 200, payload
    return json.loads(payload)["message_group_uuid"]


if __name__ == "__main__":
    main()
