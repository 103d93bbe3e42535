#!/usr/bin/env python3
"""Small HTTP clients for the fault scripts (standard library only). Every
loop is bounded in count and in time; requests go to 127.0.0.1 only.

submit   Submissions, each with its own Idempotency-Key, retried with that key
         until 201 or until --give-up seconds pass. Runs --workers threads until
         --count submissions are done, --max-seconds pass, or --stop-file
         appears. With --files, multipart with 1-3 evidence files.
         Writes one JSON line per submission to --out:
         {"key", "port", "status", "tracking_code", "register_number",
          "attachment_count", "files", "attempts", "seconds", "errors"}
verify   Concurrent verify attempts on one complaint with the same If-Match,
         spread over several replicas, released together by a barrier. Prints
         JSON {"statuses": [...]}.
"""

import argparse
import http.client
import json
import os
import random
import sys
import threading
import time
import uuid

HOST = "127.0.0.1"


def request(port, method, path, body=None, headers=None, timeout=15):
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        data = resp.read()
        return resp.status, dict(resp.getheaders()), data
    finally:
        conn.close()


def submission(category, n):
    return {
        "kind": "complaint",
        "category_id": category,
        "subject": f"Izin PBG belum terbit ({n})",
        "description": "Sudah lebih dari 30 hari permohonan PBG saya belum ada kabar.",
        "reporter": {
            "name": "I Wayan Sudarma",
            "id_type": "ktp",
            "id_number": "5106011203850001",
            "address": "Jl. Merdeka No. 1, Bangli",
        },
    }


MAGIC = {
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"),
    "jpg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image/jpeg"),
}


def evidence(rng, n):
    files = []
    for i in range(n):
        ext = rng.choice(sorted(MAGIC))
        magic, ctype = MAGIC[ext]
        size = rng.randint(64 * 1024, 768 * 1024)
        files.append((f"bukti-{i + 1}.{ext}", ctype, magic + os.urandom(size - len(magic))))
    return files


def multipart(doc, files):
    boundary = "----aduan" + uuid.uuid4().hex
    parts = [
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"complaint\"\r\n"
        f"Content-Type: application/json\r\n\r\n".encode() + json.dumps(doc).encode() + b"\r\n"
    ]
    for name, ctype, data in files:
        parts.append(
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n"
            f"Content-Type: {ctype}\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def cmd_submit(args):
    ports = [int(p) for p in args.ports.split(",")]
    categories = args.categories.split(",")
    lock = threading.Lock()
    out = open(args.out, "a", buffering=1)
    started = time.monotonic()
    counter = {"next": 0}

    def stop():
        return (time.monotonic() - started > args.max_seconds
                or (args.stop_file and os.path.exists(args.stop_file)))

    def worker(wid):
        rng = random.Random(wid * 7919 + int(time.time()))
        while not stop():
            with lock:
                if counter["next"] >= args.count:
                    return
                n = counter["next"]
                counter["next"] += 1
            port = ports[n % len(ports)]
            key = str(uuid.uuid4())
            doc = submission(categories[n % len(categories)], n)
            files = evidence(rng, rng.randint(1, 3)) if args.files else []
            if files:
                body, ctype = multipart(doc, files)
            else:
                body, ctype = json.dumps(doc).encode(), "application/json"
            headers = {"Content-Type": ctype, "Idempotency-Key": key}
            first = time.monotonic()
            attempts, errors, status, receipt = 0, {}, None, {}
            slowest_failure = 0.0
            while time.monotonic() - first < args.give_up:
                attempts += 1
                attempt_started = time.monotonic()
                try:
                    status, _, data = request(port, "POST", "/api/v1/complaints", body, headers)
                except (OSError, http.client.HTTPException) as e:
                    status, data = None, b""
                    errors[type(e).__name__] = errors.get(type(e).__name__, 0) + 1
                if status == 201:
                    receipt = json.loads(data)
                    break
                slowest_failure = max(slowest_failure, time.monotonic() - attempt_started)
                if status is not None:
                    errors[str(status)] = errors.get(str(status), 0) + 1
                    if status < 500 and status not in (408, 409, 429):
                        break  # a refusal that a retry will not change
                time.sleep(min(1.0, 0.1 * attempts) + rng.random() * 0.1)
            out.write(json.dumps({
                "key": key, "port": port, "status": status, "id": receipt.get("id"),
                "tracking_code": receipt.get("tracking_code"),
                "register_number": receipt.get("register_number"),
                "attachment_count": receipt.get("attachment_count"),
                "files": [[name, len(data)] for name, _, data in files],
                "attempts": attempts, "seconds": round(time.monotonic() - first, 3), "errors": errors,
                "slowest_failure": round(slowest_failure, 3),
            }) + "\n")
            if args.pause:
                time.sleep(args.pause)

    threads = [threading.Thread(target=worker, args=(w,), daemon=True) for w in range(args.workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(args.max_seconds + args.give_up + 30)
    out.close()


def cmd_verify(args):
    ports = [int(p) for p in args.ports.split(",")]
    tokens = args.tokens.split(",")
    barrier = threading.Barrier(args.attempts)
    statuses = [None] * args.attempts
    body = json.dumps({"requirements": {"identity": True, "address": True, "evidence": True}}).encode()

    def attempt(i):
        port, token = ports[i % len(ports)], tokens[i % len(tokens)]
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        try:
            conn.connect()
            barrier.wait(timeout=30)
            conn.request("POST", f"/api/v1/complaints/{args.complaint}/verify", body=body, headers={
                "Content-Type": "application/json", "Authorization": f"Bearer {token}",
                "If-Match": args.if_match})
            statuses[i] = conn.getresponse().status
        except Exception as e:  # noqa: BLE001 - reported as a status
            statuses[i] = f"error: {e}"
        finally:
            conn.close()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(args.attempts)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    print(json.dumps({"statuses": statuses}))


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("submit")
    s.add_argument("--ports", required=True)
    s.add_argument("--categories", required=True)
    s.add_argument("--count", type=int, default=100)
    s.add_argument("--workers", type=int, default=4)
    s.add_argument("--give-up", type=float, default=60.0)
    s.add_argument("--max-seconds", type=float, default=120.0)
    s.add_argument("--pause", type=float, default=0.0)
    s.add_argument("--stop-file")
    s.add_argument("--files", action="store_true")
    s.add_argument("--out", required=True)
    v = sub.add_parser("verify")
    v.add_argument("--ports", required=True)
    v.add_argument("--tokens", required=True)
    v.add_argument("--complaint", required=True)
    v.add_argument("--if-match", required=True)
    v.add_argument("--attempts", type=int, default=8)
    args = p.parse_args()
    {"submit": cmd_submit, "verify": cmd_verify}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
