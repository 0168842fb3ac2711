import pytest


@pytest.mark.django_db
def test_security_headers_on_a_public_page(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in csp
    assert "style-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_scripts_carry_the_csp_nonce(client):
    response = client.get("/")
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    html = response.content.decode()
    assert f'nonce="{nonce}"' in html
    assert "htmx" in html and '"includeIndicatorStyles": false' in html


@pytest.mark.django_db
def test_cookies_are_secure_and_http_only_outside_debug(client, settings):
    assert settings.DEBUG is False
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.SECURE_HSTS_SECONDS >= 31536000


@pytest.mark.django_db
def test_private_pages_require_login(client):
    response = client.get("/mon-espace/")
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/connexion/")


@pytest.mark.django_db
def test_logged_in_pages_are_not_cached(logged_client):
    assert logged_client.get("/mon-espace/")["Cache-Control"] == "no-store"
