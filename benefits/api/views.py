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

MAX_BODY_BYTES = 512 * 1024
PROBLEM = "application/problem+json"


def problem(status: int, title: str, detail: str = "", errors=None, headers=None) -> JsonResponse:
    body = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if errors is not None:
        body["errors"] = errors
    response = JsonResponse(
        body, status=status, content_type=PROBLEM, json_dumps_params={"ensure_ascii": False}
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


@csrf_exempt
@require_POST
@login_not_required
def simulate(request):
    wait = rate_limit_exceeded(request)
    if wait is not None:
        return problem(
            429,
            "Trop de requêtes",
            f"Limite atteinte pour votre adresse : réessayez dans {wait} secondes.",
            headers={"Retry-After": str(wait)},
        )
    if len(request.body) > MAX_BODY_BYTES:
        return problem(413, "Requête trop volumineuse", "Un foyer tient en moins de 512 Kio.")
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        return problem(
            400,
            "JSON invalide",
            str(error)[:200],
            errors=[{"path": "", "message": "Le corps doit être un objet JSON valide."}],
        )
    try:
        household = parse_household(data)
        if household.month is None:
            raise HouseholdInputError([])
    except HouseholdInputError as error:
        errors = error.as_list() or [
            {
                "path": "month",
                "message": "Le mois à calculer est obligatoire (AAAA-MM).",
                "message_en": "The month is required.",
            }
        ]
        return problem(400, "Foyer invalide", "Corrigez les champs indiqués.", errors=errors)
    except (TypeError, ValueError, AttributeError, KeyError, RecursionError):
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
