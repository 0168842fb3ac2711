import pytest
from django.contrib.auth.decorators import login_not_required
from django.test import Client
from django.urls import path

from portal import health, views
from portal.urls import urlpatterns as portal_urlpatterns


@login_not_required
def boom(request):
    raise RuntimeError("test failure")


@login_not_required
def forbidden(request):
    from django.core.exceptions import PermissionDenied

    raise PermissionDenied


urlpatterns = [path("boom/", boom), path("interdit/", forbidden), *portal_urlpatterns]
handler403 = views.permission_denied
handler404 = views.page_not_found
handler500 = views.server_error


@pytest.mark.django_db
def test_404_keeps_the_header(client):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page non trouvée" in html and 'class="fr-header"' in html


@pytest.mark.django_db
@pytest.mark.urls("tests.portal.test_errors_and_health")
def test_403_and_500_pages_keep_the_header():
    client = Client(raise_request_exception=False)
    forbidden_page = client.get("/interdit/")
    assert forbidden_page.status_code == 403 and 'class="fr-header"' in forbidden_page.content.decode()
    error_page = client.get("/boom/")
    assert error_page.status_code == 500
    assert "Erreur inattendue" in error_page.content.decode()
    assert 'class="fr-header"' in error_page.content.decode()


@pytest.mark.django_db
def test_healthz_reports_every_dependency(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "celery"}


@pytest.mark.django_db
def test_healthz_answers_503_when_a_dependency_is_down(client, monkeypatch):
    def broken():
        raise ConnectionError("cache down")

    monkeypatch.setitem(health.CHECKS, "cache", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "down"
