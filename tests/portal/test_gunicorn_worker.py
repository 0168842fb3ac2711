"""The gunicorn worker's poller-side admission: which requests it may refuse, and the page it sends."""

import types

import pytest
from django.core.wsgi import get_wsgi_application

from portal.admission import parse_head, refusal_key
from portal.gunicorn_worker import AdmissionThreadWorker


def head(path, *headers):
    return ("\r\n".join([f"GET {path} HTTP/1.1", "Host: 127.0.0.1", *headers]) + "\r\n\r\n").encode()


def test_newcomers_may_be_refused_but_never_journeys_healthz_or_static():
    assert refusal_key(*parse_head(head("/simulateur/?x=1"))) == ("/", "fr", False)
    assert refusal_key(*parse_head(head("/", "Accept-Language: en-GB,en;q=0.8"))) == ("/", "en", False)
    assert refusal_key(*parse_head(head("/", "Cookie: django_language=en"))) == ("/", "en", False)
    assert refusal_key(*parse_head(head("/api/v1/simulate"))) == ("/api/", "", False)
    assert refusal_key(*parse_head(head("/simulateur/?rechargement=non"))) == ("/", "fr", True)
    assert refusal_key(*parse_head(head("/simulateur/foyer/", "Cookie: csrftoken=a; sessionid=b"))) is None
    assert refusal_key(*parse_head(head("/healthz"))) is None
    assert refusal_key(*parse_head(head("/static/portal/portal.css"))) is None


@pytest.mark.django_db
def test_the_canned_waiting_page_is_the_applications_own_with_its_security_headers():
    worker = types.SimpleNamespace(
        wsgi=get_wsgi_application(), host="testserver", cfg=types.SimpleNamespace(is_ssl=False)
    )
    raw = AdmissionThreadWorker.render(worker, "/", "fr", False)
    headers, _, body = raw.partition(b"\r\n\r\n")
    lines = headers.decode("latin-1").split("\r\n")
    assert lines[0] == "HTTP/1.1 503 Service Unavailable"
    names = {line.split(":")[0].lower() for line in lines[1:]}
    assert {"retry-after", "refresh", "content-security-policy", "x-frame-options", "connection"} <= names
    assert "Connection: close" in lines
    assert "Le service est très demandé".encode() in body
    api = AdmissionThreadWorker.render(worker, "/api/", "", False)
    assert b"Content-Type: application/problem+json" in api
    # The person who turned the timed reload off gets the page without it (WCAG 2.2.1).
    quiet = AdmissionThreadWorker.render(worker, "/", "fr", True)
    assert b"\r\nRefresh:" not in quiet.partition(b"\r\n\r\n")[0]
    assert "Le rechargement automatique est arrêté".encode() in quiet
