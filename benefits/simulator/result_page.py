"""What the result page shows: each benefit's amount, explanation, next step, and the chart's bars.

Everything comes from the stored result (Simulation.result), never from a new computation, so the
page a person reopens from the resume link shows the numbers computed that day.
"""

import functools
import hashlib
import importlib
from pathlib import Path

from django.conf import settings
from django.template.loader import get_template
from django.template.loader_tags import IncludeNode
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from benefits.rules import ENGINE_VERSION, parameters_version
from benefits.rules.engine import BENEFITS
from benefits.simulator.assumptions import assumption_lines
from benefits.simulator.extra_results import extra_benefits
from benefits.simulator.formatting import euros, month_name
from benefits.simulator.periods import next_payment, payment_text, period_text

TEMPLATE = "benefits/simulator/result.html"
CHART_WIDTH = 300
# Each bar has its label above it (never cut) and its amount after it; at 14 user units the text is
# 12 to 14 px high from a phone to a desktop (it was 7 units: about 6 px).
CHART_ROW = 40
CAF_CLAIM_URL = "https://www.caf.fr/allocataires/mes-services-en-ligne/faire-une-demande-de-prestation"
MDPH_URL = "https://www.service-public.fr/particuliers/vosdroits/F12242"

# What to do next, per benefit: (advice, link text, link target). A target starting with "/" or
# naming a URL pattern stays on this portal; the others are the official pages.
NEXT_STEPS = {
    "ppa": (
        _("Faites la demande en ligne : elle se remplit en quelques minutes avec vos revenus déjà connus."),
        _("Demander la prime d’activité"),
        "claims:index",
    ),
    "rsa": (
        _("Faites la demande en ligne ; la CAF vous proposera ensuite un accompagnement."),
        _("Demander le RSA"),
        "claims:index",
    ),
    "aide_logement": (
        _("Faites la demande à la CAF avec votre bail (ou votre offre de prêt) et le RIB du bailleur."),
        _("Demander une aide au logement sur caf.fr"),
        CAF_CLAIM_URL,
    ),
    "aah": (
        _("L’AAH se demande à la MDPH de votre département avec le formulaire de demande unique."),
        _("Comment demander l’AAH (service-public.fr)"),
        MDPH_URL,
    ),
    "af": (
        _("Versées sans demande si la CAF connaît vos enfants : déclarez chaque naissance ou arrivée."),
        None,
        None,
    ),
    "cf": (_("Versé sans demande si la CAF connaît votre foyer et vos revenus."), None, None),
    "asf": (
        _("Demandez l’allocation de soutien familial à la CAF, avec le jugement ou la preuve de séparation."),
        _("Demander l’ASF sur caf.fr"),
        CAF_CLAIM_URL,
    ),
    "ars": (
        _("Versée fin août sans demande ; pour un enfant de 16 à 18 ans, déclarez sa scolarité sur caf.fr."),
        None,
        None,
    ),
}


def next_step(name: str) -> dict | None:
    if name not in NEXT_STEPS:
        return None
    advice, link_text, target = NEXT_STEPS[name]
    url = target if target is None or target.startswith("https://") else reverse(target)
    return {"advice": advice, "link_text": link_text, "url": url, "external": bool(url and "://" in url)}


# How each operation of the core's explanation reads in a sentence ("− 129,51 €", "au moins 0,00 €").
OPERATIONS = {
    "+": "+ {}",
    "-": "− {}",
    "=": "{}",
    "≥": _("au moins {}"),
    "≤": _("au plus {}"),
    "min": _("au plus {}"),
    "max": _("au moins {}"),
}


def step_lines(steps: list[dict], language: str) -> list[dict]:
    lines = []
    for step in steps:
        amount, op = step.get("amount"), step.get("op") or "="
        if amount is None:
            shown = ""
        elif op == "×":
            shown = f"× {amount}".replace(".", ",")
        else:
            shown = str(OPERATIONS.get(op, op + " {}")).format(euros(amount))
        lines.append(dict(step, text=step["label"][language], shown=shown))
    return lines


def in_display_order(explanation: dict) -> list[tuple[str, dict]]:
    """The benefits in the core's order. PostgreSQL's jsonb does not keep the keys' order, so a
    stored result read back must be sorted again to match the page rendered right after computing."""
    rank = {name: position for position, name in enumerate(BENEFITS)}
    return sorted(explanation.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0]))


def included_templates(name: str) -> list[str]:
    """The template and, depth first, every template it includes by a literal name."""
    names = [name]
    for node in get_template(name).template.nodelist.get_nodes_by_type(IncludeNode):
        included = node.template.var
        if isinstance(included, str) and included not in names:
            names += [n for n in included_templates(included) if n not in names]
    return names


# The Python that shapes what the cached region shows (amounts' words, extras, assumptions).
PRESENTERS = (
    "benefits.simulator.result_page",
    "benefits.simulator.periods",
    "benefits.simulator.extra_results",
    "benefits.simulator.assumptions",
    "benefits.simulator.communes",
)


@functools.cache
def explanation_version() -> str:
    """Part of the cached explanation's key: a new template, presenter or rules never serve an old fragment."""
    # Every template the page includes counts (the cached region's steps, tables and extras among them).
    source = "".join(get_template(name).template.source for name in included_templates(TEMPLATE))
    source += "".join(Path(importlib.import_module(module).__file__).read_text() for module in PRESENTERS)
    digest = hashlib.sha256(f"{source}{ENGINE_VERSION}{parameters_version()}".encode()).hexdigest()
    return digest[:12]


def result_context(simulation, request) -> dict:
    language = "en" if get_language() == "en" else "fr"
    result = simulation.result
    monthly_amounts = [b["amount"] for b in result["explanation"].values() if b["period"] == "month"]
    largest = max(monthly_amounts + [1])
    benefits = []
    for name, detail in in_display_order(result["explanation"]):
        monthly = detail["period"] == "month"
        benefits.append(
            {
                "name": name,
                "label": detail["label"][language],
                "amount": detail["amount"],
                "amount_text": euros(detail["amount"]),
                "eligible": detail["eligible"],
                "yearly": not monthly,
                "payment_text": "" if monthly else payment_text(name, simulation.month),
                "period_text": period_text(name, detail["period"], simulation.month),
                "next_payment": "" if monthly else next_payment(name, simulation.month),
                "reason": (detail["blocking_reason"] or {}).get(language),
                "steps": step_lines(detail["steps"], language),
                "next": next_step(name) if detail["amount"] > 0 else None,
                "bar": round(CHART_WIDTH * detail["amount"] / largest) if monthly else 0,
            }
        )
    shown = [b for b in benefits if not b["yearly"] and b["amount"] > 0]
    for row, benefit in enumerate(shown):
        benefit["row_y"] = row * CHART_ROW
    return {
        "simulation": simulation,
        "month_name": month_name(simulation.month),
        "benefits": benefits,
        "monthly_benefits": [b for b in benefits if not b["yearly"]],
        "yearly_benefits": [b for b in benefits if b["yearly"]],
        "monthly": shown,
        "yearly": [b for b in benefits if b["yearly"] and b["amount"] > 0],
        "total": result["total_monthly"],
        "total_text": euros(result["total_monthly"]),
        "assumptions": assumption_lines(result, simulation.household, language),
        "resume_url": request.build_absolute_uri(reverse("simulator:result", args=[simulation.token])),
        "chart_width": CHART_WIDTH,
        "chart_height": max(CHART_ROW, len(shown) * CHART_ROW),
        "days": settings.SIMULATION_RETENTION_DAYS,
        "expires_at": simulation.expires_at,
        "replay": None,
        # The explanation's fragment is cached by simulation token (docs/capacity.md).
        "explanation_ttl": 24 * 3600,
        "explanation_version": explanation_version(),
        "extras": extra_benefits(simulation, language, step_lines),
    }
