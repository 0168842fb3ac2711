"""gunicorn for production and for the benchmarks (choices measured, docs/capacity.md).

gthread workers: a few threads per process answer the waiting page at once while the admission
gate (portal/admission.py, ADMISSION_LIMIT per process) bounds the Django work; with sync workers a
surge waits in the kernel's accept queue, unseen, until it times out. Keep-alive connections wait in
the worker's poller, not in a thread.
"""

import multiprocessing
import os
import sys

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count()))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "portal.gunicorn_worker.AdmissionThreadWorker")
threads = int(os.environ.get("GUNICORN_THREADS", "16"))
# Connections a worker holds open (most idle in keep-alive or waiting out a Retry-After): beyond, they
# would wait unseen in the kernel's accept queue.
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS", "4000"))
# Keep-alive lets a load balancer (and the benchmark client) reuse connections.
keepalive = 5
timeout = 30
backlog = 2048
max_requests = 5000
max_requests_jitter = 500
accesslog = None
errorlog = "-"


def post_fork(server, worker):
    # A thread answering the waiting page gets the interpreter within 1 ms instead of 5 ms from the
    # threads doing Django work (CPU-bound, they only yield at the switch interval).
    sys.setswitchinterval(float(os.environ.get("GUNICORN_SWITCH_INTERVAL_MS", "1")) / 1000)
