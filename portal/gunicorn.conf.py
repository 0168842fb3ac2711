"""gunicorn for production and for the benchmarks: sync workers, one per core plus one."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() + 1))
worker_class = "sync"
# Keep-alive lets a load balancer (and the benchmark client) reuse connections.
keepalive = 5
timeout = 30
max_requests = 5000
max_requests_jitter = 500
accesslog = None
errorlog = "-"
