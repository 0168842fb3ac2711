"""One error path for the whole site: the API always answers problem+json (RFC 9457), pages a DSFR page.

Django answers some errors before or around a view in its own formats: 405 from `require_POST` (an
empty body), 400 for a body over DATA_UPLOAD_MAX_MEMORY_SIZE or too many fields, the HTML 404/500
handlers. `ErrorPathMiddleware` rewrites every such answer under /api/ into problem+json, and gives
pages a DSFR 405 page. It also refuses, before any view runs, a path or a query string carrying a NUL
character: PostgreSQL cannot store nor compare one, and no address of the portal contains one.
"""

import json

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from django.shortcuts import render

PROBLEM = "application/problem+json"
API_PREFIX = "/api/"

# French titles of the problems the API can answer, by status (the `title` member of RFC 9457).
TITLES = {
    400: "Requête invalide",
    403: "Accès refusé",
    404: "Ressource introuvable",
    405: "Méthode non autorisée",
    413: "Requête trop volumineuse",
    415: "Type de contenu non pris en charge",
    429: "Trop de requêtes",
    500: "Erreur interne",
}
# Headers of the original answer that a problem must keep (what to try next).
KEPT_HEADERS = ("Allow", "Retry-After")


def without_surrogates(text: str) -> str:
    """A lone surrogate (JSON "\\ud800") cannot be encoded in UTF-8: it is replaced before echoing."""
    return text.encode("utf-8", "replace").decode("utf-8")


def clean_for_json(node):
    if isinstance(node, str):
        return without_surrogates(node)
    if isinstance(node, dict):
        return {clean_for_json(k): clean_for_json(v) for k, v in node.items()}
    if isinstance(node, list | tuple):
        return [clean_for_json(v) for v in node]
    return node


def problem_response(status: int, title: str = "", detail: str = "", errors=None, headers=None):
    body = {"type": "about:blank", "title": title or TITLES.get(status, "Erreur"), "status": status}
    if detail:
        body["detail"] = detail
    if errors is not None:
        body["errors"] = errors
    response = HttpResponse(
        json.dumps(clean_for_json(body), ensure_ascii=False), status=status, content_type=PROBLEM
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def is_api(request) -> bool:
    return request.path_info.startswith(API_PREFIX)


def has_nul(request) -> bool:
    if "\x00" in request.path_info:
        return True
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists())


def bad_request_page(request, status=400):
    return render(request, "portal/errors/400.html", {"status": status}, status=status)


class ErrorPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_nul(request):
            if is_api(request):
                return problem_response(400, detail="L’adresse contient un caractère interdit (NUL).")
            return bad_request_page(request)
        response = self.get_response(request)
        if response.status_code < 400 or response.streaming:
            return response
        if is_api(request):
            if response.get("Content-Type", "").split(";")[0].strip() == PROBLEM:
                return response
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            return problem_response(response.status_code, headers=headers)
        if response.status_code == 405 and not response.content:
            page = render(request, "portal/errors/405.html", status=405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response


def bad_request(request, exception=None):
    """handler400: a body too large is a 413; the API answers problem+json, pages a DSFR page."""
    status = 413 if isinstance(exception, RequestDataTooBig) else 400
    if is_api(request):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        detail = f"Le corps de la requête dépasse {limit} octets." if status == 413 else ""
        return problem_response(status, detail=detail)
    return bad_request_page(request, status)
