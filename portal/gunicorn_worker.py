"""gunicorn's gthread worker with admission control in its poller, before the thread pool's queue.

When every thread is busy and requests already wait for one, a newcomer's request (no session cookie)
is answered at once from the poller thread with the waiting page (problem+json under /api/), built
once by the Django application itself so it carries every security header. Without this, a surge
waits in the pool's unbounded queue and even its 503 comes seconds late. Requests with a session
cookie, /healthz and static files always go to the pool, where portal.admission decides (a journey
under way waits a moment for a slot). Enabled by GUNICORN_WORKER_CLASS (portal/gunicorn.conf.py).
"""

import errno
import io
import random
import selectors
import socket
import time
from functools import partial

from gunicorn.workers.gthread import ThreadWorker

from portal.admission import NO_RELOAD_QUERY, parse_head, refusal_key

VARIANTS = 4


class AdmissionThreadWorker(ThreadWorker):
    def init_process(self):
        from django.conf import settings

        self.queue_limit = settings.ADMISSION_QUEUE_LIMIT
        self.host = next((host.lstrip(".") for host in settings.ALLOWED_HOSTS if host != "*"), "localhost")
        self.canned: dict[tuple[str, str, bool], list[bytes]] = {}
        super().init_process()

    def enqueue_req(self, conn):
        if self.queue_limit and self.tpool._work_queue.qsize() >= self.queue_limit and self.refuse(conn):
            return
        super().enqueue_req(conn)

    def refuse(self, conn) -> bool:
        """Answers the waiting page from this thread if the request may be refused; False otherwise."""
        if conn.parser is not None and conn.parser.unreader.buf.getvalue():
            return False  # bytes already read ahead by the parser: leave the connection to it
        try:
            conn.sock.setblocking(False)
            head = conn.sock.recv(8192, socket.MSG_PEEK)
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EWOULDBLOCK):
                return False
            # Connected but nothing sent yet: wait for it in the poller, then decide again.
            conn.timeout = time.monotonic() + self.cfg.keepalive
            self.pending_conns.append(conn)
            self.poller.register(
                conn.sock, selectors.EVENT_READ, partial(self.on_pending_socket_readable, conn)
            )
            return True
        key = refusal_key(*parse_head(head))
        if key is None:
            return False
        try:
            conn.sock.settimeout(0.05)
            conn.sock.sendall(self.canned_response(key))
        except OSError:
            pass
        self.nr_conns -= 1
        conn.close()
        return True

    def canned_response(self, key) -> bytes:
        """The waiting page as the Django application answers it (a few Retry-After variants)."""
        variants = self.canned.setdefault(key, [])
        if len(variants) < VARIANTS:
            variants.append(self.render(*key))
        return random.choice(variants)

    def render(self, path, language, no_reload) -> bytes:
        captured = {}

        def start_response(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers

        environ = {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": path,
            "QUERY_STRING": NO_RELOAD_QUERY if no_reload else "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "HTTP_HOST": self.host,
            "HTTP_ACCEPT_LANGUAGE": language,
            "wsgi.url_scheme": "https" if self.cfg.is_ssl else "http",
            "wsgi.input": io.BytesIO(b""),
            "portal.admission.refuse": True,
        }
        body = b"".join(self.wsgi(environ, start_response))
        headers = "".join(f"{name}: {value}\r\n" for name, value in captured["headers"])
        return f"HTTP/1.1 {captured['status']}\r\n{headers}Connection: close\r\n\r\n".encode("latin-1") + body
