"""Offline emulator of the income data service, mounted at /_revenus/ only when EMULATORS_ENABLED.

POST /_revenus/api/v1/montants-nets-sociaux with {"nir": "...", "mois": ["YYYY-MM", ...]} answers
{"montants": [...], "mois_sans_donnees": [...]}. A fault is chosen by the NIR's last two digits
(emulator_data.FAULTS) or forced by the header `X-Emulator-Fault` or the query `?panne=`.
"""

import json
import re
import time

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from benefits.income.emulator_data import FAULT_NAMES, FAULTS, amounts_for

NIR_RE = re.compile(r"^[12][0-9]{4}(2A|2B|[0-9]{2})[0-9]{6}([0-9]{2})?$")
MONTH_RE = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")
SLOW_MARGIN_SECONDS = 1


@csrf_exempt  # a machine-to-machine API authenticated by a bearer token, like the real service
@login_not_required
@require_POST
def net_social_amounts(request):
    if (
        settings.INCOME_API_TOKEN
        and request.headers.get("Authorization") != f"Bearer {settings.INCOME_API_TOKEN}"
    ):
        return JsonResponse({"erreur": "jeton invalide"}, status=401)
    try:
        body = json.loads(request.body)
        nir, months = str(body["nir"]), [str(m) for m in body["mois"]]
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"erreur": "requête invalide"}, status=400)
    if not NIR_RE.match(nir) or not months or not all(MONTH_RE.match(m) for m in months):
        return JsonResponse({"erreur": "requête invalide"}, status=400)
    forced = request.headers.get("X-Emulator-Fault") or request.GET.get("panne")
    fault = forced if forced in FAULT_NAMES else FAULTS.get(nir[-2:])
    if fault == "slow":
        time.sleep(settings.INCOME_API_TIMEOUT + SLOW_MARGIN_SECONDS)
    elif fault == "server_error":
        return JsonResponse({"erreur": "service indisponible"}, status=503)
    elif fault == "not_found":
        return JsonResponse({"erreur": "aucune donnée pour cette personne"}, status=404)
    elif fault == "invalid":
        return HttpResponse("<html>maintenance</html>", content_type="text/html")
    elif fault == "flaky" and cache.add(f"income-emulator-flaky:{nir}", True, timeout=60):
        return JsonResponse({"erreur": "service momentanément indisponible"}, status=503)
    rows, missing = amounts_for(nir, months)
    return JsonResponse({"montants": rows, "mois_sans_donnees": missing})


net_social_amounts.not_a_page = True
