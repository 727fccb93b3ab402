"""Work order cycles for scripts/bench/run.sh: each client creates an order on a streetlight,
dispatches it to a crew and moves it to closed (new → dispatched → in_progress → completed →
verified → closed), one request after the other, as a dispatcher with an API token. Prints one RESULT
line: cycles per second and the p50/p95/p99 of a whole cycle in ms, and of its single requests.
Usage: wo_cycle.py URL TOKEN CLIENTS SECONDS LIGHT_IDS_FILE CREW_ID"""
import json
import sys
import threading
import time
import urllib.error
import urllib.request

url, token, clients, seconds, lights_file, crew = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5], int(sys.argv[6])
lights = [int(line) for line in open(lights_file) if line.strip()]
cycles, steps, failures = [], [], []


def call(path, body):
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        answer = json.load(response)
    steps.append((time.perf_counter() - started) * 1000)
    return answer


def client(n):
    deadline = time.perf_counter() + seconds
    i = n
    while time.perf_counter() < deadline:
        light = lights[i % len(lights)]
        i += clients
        started = time.perf_counter()
        try:
            order = call("/api/workorders", {"kind": "streetlight_repair", "description": "bench cycle",
                                             "assetType": "streetlight", "assetId": light})
            path = "/api/workorders/%d" % order["id"]
            call(path + "/dispatch", {"crewId": crew, "note": "bench"})
            call(path + "/transitions", {"to": "in_progress", "note": "bench"})
            # A finished repair names its quantity: one lamp.
            call(path + "/transitions", {"to": "completed", "note": "bench", "quantity": 1, "quantityUnit": "盏"})
            for state in ("verified", "closed"):
                call(path + "/transitions", {"to": state, "note": "bench"})
        except urllib.error.HTTPError as error:  # counted and shown, never hidden
            failures.append("%s %s" % (error, error.read().decode(errors="replace")[:300]))
            continue
        except Exception as error:
            failures.append(repr(error))
            continue
        cycles.append((time.perf_counter() - started) * 1000)


threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
started = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - started


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q / 100 * len(values)))] if values else float("nan")


print("RESULT rps=%.1f p50=%.2f p95=%.2f p99=%.2f requests=%d errors=%d step_p50=%.2f step_p95=%.2f" % (
    len(cycles) / elapsed, pct(cycles, 50), pct(cycles, 95), pct(cycles, 99), len(cycles), len(failures),
    pct(steps, 50), pct(steps, 95)))
if failures:
    print("first failure: " + failures[0], file=sys.stderr)
