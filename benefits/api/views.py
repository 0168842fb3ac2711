"""POST /api/v1/simulate: a household in the neutral format in, amounts and explanation out."""

import json

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from benefits.api.openapi import openapi_document, rewrite_refs
from benefits.api.ratelimit import rate_limit_exceeded
from benefits.rules import (
    ENGINE_VERSION,
    SUPPORTED_MONTHS,
    HouseholdInputError,
    compute,
    parameters_version,
    parse_household,
)
from portal.errors import problem_response

# Input limits of the API (documented in the README and on /api/v1/): the body, the nesting depth,
# and the digits of one integer (Python refuses to convert more than 4,300 by default).
MAX_BODY_BYTES = 512 * 1024
MAX_DEPTH = 32
PROBLEM = "application/problem+json"


def problem(status: int, title: str, detail: str = "", errors=None, headers=None):
    return problem_response(status, title, detail, errors, headers)


def invalid_json(message: str, detail: str = ""):
    return problem(400, "JSON invalide", detail or message, errors=[{"path": "", "message": message}])


def refuse_constant(name: str):
    """NaN, Infinity and -Infinity are not JSON (RFC 8259): refused before any arithmetic sees them."""
    raise ValueError(f"{name} n’est pas un nombre JSON valide")


def hostile_content(node, depth: int = 0) -> str | None:
    """The first reason a decoded document cannot be accepted, or None: too deep, a NUL character
    (PostgreSQL refuses it), a lone surrogate (it cannot be encoded back to UTF-8)."""
    if depth > MAX_DEPTH:
        return f"Le document est imbriqué sur plus de {MAX_DEPTH} niveaux."
    if isinstance(node, str):
        if "\x00" in node:
            return "Une chaîne contient un caractère NUL."
        try:
            node.encode("utf-8")
        except UnicodeEncodeError:
            return "Une chaîne contient un caractère Unicode invalide (substitut isolé)."
        return None
    if isinstance(node, dict):
        items = [*node.keys(), *node.values()]
    elif isinstance(node, list):
        items = node
    else:
        return None
    for item in items:
        reason = hostile_content(item, depth + 1)
        if reason:
            return reason
    return None


def read_json(request):
    """(document, None) or (None, problem response)."""
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return None, too_large()
    body = request.body
    if len(body) > MAX_BODY_BYTES:
        return None, too_large()
    try:
        data = json.loads(body.decode("utf-8"), parse_constant=refuse_constant)
    except UnicodeDecodeError:
        return None, invalid_json("Le corps doit être encodé en UTF-8.")
    except RecursionError:
        return None, invalid_json("Le corps doit être un objet JSON valide.", "JSON trop imbriqué.")
    except ValueError as error:
        # json.JSONDecodeError, a constant refused above, or an integer of more than 4,300 digits.
        return None, invalid_json("Le corps doit être un objet JSON valide.", str(error)[:200])
    reason = hostile_content(data)
    if reason:
        return None, invalid_json(reason)
    return data, None


def too_large():
    return problem(413, "Requête trop volumineuse", "Un foyer tient en moins de 512 Ko.")


def month_missing():
    return [
        {
            "path": "month",
            "message": "Le mois à calculer est obligatoire (AAAA-MM).",
            "message_en": "The month is required.",
        }
    ]


@csrf_exempt
@require_POST
@login_not_required
def simulate(request):
    wait = rate_limit_exceeded(request)
    if wait is not None:
        return problem(
            429,
            "Trop de requêtes",
            f"Limite atteinte pour votre adresse : réessayez dans {wait} secondes.",
            headers={"Retry-After": str(wait)},
        )
    data, refusal = read_json(request)
    if refusal is not None:
        return refusal
    if isinstance(data, dict) and "month" not in data:
        return problem(400, "Foyer invalide", "Corrigez les champs indiqués.", errors=month_missing())
    try:
        household = parse_household(data)
        if household.month is None:
            raise HouseholdInputError([])
    except HouseholdInputError as error:
        errors = error.as_list() or month_missing()
        return problem(400, "Foyer invalide", "Corrigez les champs indiqués.", errors=errors)
    except (TypeError, ValueError, AttributeError, KeyError, RecursionError, OverflowError):
        return problem(
            400,
            "Foyer invalide",
            "Le foyer ne respecte pas le format attendu.",
            errors=[{"path": "", "message": "Format de foyer inattendu."}],
        )
    result = compute(household, explain=True)
    return JsonResponse(result.to_dict(explain=True), json_dumps_params={"ensure_ascii": False})


@require_GET
@login_not_required
def openapi(request):
    return JsonResponse(rewrite_refs(openapi_document()), json_dumps_params={"ensure_ascii": False})


@login_not_required
def docs(request):
    example = {
        "month": "2026-06",
        "persons": [
            {
                "id": "a",
                "role": "applicant",
                "birth_date": "1990-03-10",
                "activity": "employed",
                "incomes": {"salary": {"2026-03": 1100, "2026-04": 1100, "2026-05": 1100, "2026-06": 1100}},
            }
        ],
        "housing": {"status": "tenant_private", "rent": 600, "zone": 2},
    }
    problem_example = {
        "type": "about:blank",
        "title": "Foyer invalide",
        "status": 400,
        "detail": "Corrigez les champs indiqués.",
        "errors": [
            {"path": "persons[0].birth_date", "message": "Date invalide (AAAA-MM-JJ).", "message_en": "…"}
        ],
    }
    return render(
        request,
        "benefits/api/docs.html",
        {
            "example": json.dumps(example, indent=2, ensure_ascii=False),
            "problem_example": json.dumps(problem_example, indent=2, ensure_ascii=False),
            "rate_limit": settings.API_RATE_LIMIT_PER_MINUTE,
            "engine_version": ENGINE_VERSION,
            "parameters_version": parameters_version(),
            "months": (SUPPORTED_MONTHS[0], SUPPORTED_MONTHS[-1]),
        },
    )


simulate.not_a_page = True
openapi.not_a_page = True
