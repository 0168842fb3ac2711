"""Operator screens without JavaScript: permission, create, dry run, launch, progress (full page and
htmx partial), pause/resume/cancel, report and CSV; the site's page invariants on each page."""

import re

import pytest
from django.test import Client

from benefits.campaigns.models import Campaign
from tests.agents import agent_factory, current_code, sign_in
from tests.factories import UserFactory
from tests.htmx import outer_html
from tests.portal.test_site_invariants import page_facts

pytestmark = pytest.mark.django_db
NBSP = "\u00a0"


def check_page(response):
    assert response.status_code == 200
    facts = page_facts(response)
    assert facts.h1 == 1 and facts.title.strip() and facts.html_lang
    assert facts.inline_scripts == 0 and facts.style_attributes == 0 and facts.style_elements == 0
    return response.content.decode()


@pytest.fixture
def operator_client(operator):
    client = Client()
    assert sign_in(client, operator).status_code == 302
    return client


def test_only_staff_with_the_permission_enter(client):
    sign_in(client, agent_factory())
    assert client.get("/operateur/campagnes/").status_code == 403
    client.force_login(UserFactory())
    assert client.get("/operateur/campagnes/").status_code == 403


def test_signed_out_the_operator_screens_lead_to_the_agents_login(client):
    response = client.get("/operateur/campagnes/")
    assert response.status_code == 302
    assert response["Location"] == "/agent/connexion/?next=%2Foperateur%2Fcampagnes%2F"


def test_create_dry_run_launch_follow_and_report(
    demo_file, operator_client, django_capture_on_commit_callbacks
):
    html = check_page(operator_client.get("/operateur/campagnes/"))
    assert "Nouvelle campagne" in html
    assert re.search(r'<option value="2026-12"[^>]*>\s*décembre 2026\s*</option>', html)
    response = operator_client.post(
        "/operateur/campagnes/", {"kind": "non_recours", "month": "2026-12", "threshold": "10"}
    )
    campaign = Campaign.objects.get()
    assert response["Location"] == f"/operateur/campagnes/{campaign.pk}/"
    html = check_page(operator_client.get(response["Location"]))
    assert "— décembre 2026</h1>" in html
    assert "Lancer la campagne" not in html  # a dry run comes first
    refused = operator_client.post(f"/operateur/campagnes/{campaign.pk}/launch/", follow=True)
    assert "Faites d’abord un essai" in refused.content.decode()
    html = check_page(operator_client.post(f"/operateur/campagnes/{campaign.pk}/essai/", follow=True))
    assert "Essai terminé" in html and "Exemples de foyers" in html and "Dossier D" in html
    # Each example's steps with their legal source, as the simulator shows them (explanation_steps.html).
    assert 'class="portal-steps__basis"' in html and 'href="https://www.legifrance.gouv.fr/' in html
    # The operator reads labels, never the codes of the core or of the results' table.
    assert "<td>Non concerné</td>" in html or "<td>Notifié</td>" in html
    assert not re.search(r"<td>(notifie|inchange|non_concerne|invalide|ppa|rsa|aide_logement)</td>", html)
    assert not campaign.results.exists()
    with django_capture_on_commit_callbacks(execute=True):
        operator_client.post(f"/operateur/campagnes/{campaign.pk}/launch/")
    campaign.refresh_from_db()
    assert campaign.status == "terminee"
    html = check_page(operator_client.get(f"/operateur/campagnes/{campaign.pk}/"))
    assert f"{campaign.total} foyers traités sur {campaign.total} (100 %)" in html
    # Finished: nothing moves any more, so no « Actualiser la progression » (it is there while the
    # campaign runs or is paused: test_pause_resume_cancel_buttons).
    assert "Actualiser la progression" not in html
    assert "Fin estimée" not in html  # finished: nothing left to estimate
    assert "Prochain paiement le" not in html and "date limite" not in html  # non-recours pays nothing
    campaign.kind = "aide_exceptionnelle"
    campaign.save(update_fields=["kind"])
    html = check_page(operator_client.get(f"/operateur/campagnes/{campaign.pk}/"))
    assert "Prochain paiement le" in html and "La campagne s’est terminée avant la date limite" in html
    partial = operator_client.get(f"/operateur/campagnes/{campaign.pk}/", headers={"HX-Request": "true"})
    body = partial.content.decode()
    assert body.lstrip().startswith('<section id="progression"') and "<h1>" not in body
    html = check_page(operator_client.get(f"/operateur/campagnes/{campaign.pk}/rapport"))
    assert "Foyers notifiés par département" in html
    csv = b"".join(
        operator_client.get(f"/operateur/campagnes/{campaign.pk}/rapport.csv").streaming_content
    ).decode("utf-8-sig")
    lines = csv.strip().splitlines()
    assert lines[0].startswith("N° de dossier;Département;Résultat;") and len(lines) == campaign.total + 1


def test_pause_resume_cancel_buttons(demo_file, operator_client, operator):
    campaign = Campaign.objects.create(
        kind="recalcul", month="2026-12", status="en_cours", created_by=operator
    )
    campaign.started_at = campaign.created_at
    campaign.save()
    html = check_page(operator_client.get(f"/operateur/campagnes/{campaign.pk}/"))
    assert "Mettre en pause" in html and 'data-hx-trigger="every 2s"' in html
    assert "Actualiser la progression" in html
    operator_client.post(f"/operateur/campagnes/{campaign.pk}/pause/")
    campaign.refresh_from_db()
    assert campaign.status == "en_pause"
    html = check_page(operator_client.get(f"/operateur/campagnes/{campaign.pk}/"))
    # Paused, the chunks under way still finish: their progress still moves.
    assert "Reprendre" in html and "Actualiser la progression" in html
    # Cancelling cannot be undone: the button leads to a question first, and a POST without the
    # answer cancels nothing.
    assert f'href="/operateur/campagnes/{campaign.pk}/annulation/"' in check_page(
        operator_client.get(f"/operateur/campagnes/{campaign.pk}/")
    )
    response = operator_client.post(f"/operateur/campagnes/{campaign.pk}/cancel/")
    assert response["Location"] == f"/operateur/campagnes/{campaign.pk}/annulation/"
    campaign.refresh_from_db()
    assert campaign.status == "en_pause"
    question = check_page(operator_client.get(f"/operateur/campagnes/{campaign.pk}/annulation/"))
    assert "L’annulation est définitive" in question and 'name="confirmer" value="oui"' in question
    operator_client.post(f"/operateur/campagnes/{campaign.pk}/cancel/", {"confirmer": "oui"})
    campaign.refresh_from_db()
    assert campaign.status == "annulee"
    cancelled = check_page(operator_client.get(f"/operateur/campagnes/{campaign.pk}/"))
    assert 'id="progression"' in cancelled and "Actualiser la progression" not in cancelled
    gone = operator_client.get(f"/operateur/campagnes/{campaign.pk}/annulation/")
    assert gone["Location"] == f"/operateur/campagnes/{campaign.pk}/"  # nothing left to cancel
    html = operator_client.post(f"/operateur/campagnes/{campaign.pk}/resume/", follow=True).content.decode()
    assert "plus possible\u00a0: la campagne est maintenant «\u00a0Annulée\u00a0»" in html


def test_the_demo_agent_reaches_the_operator_screens(client):
    """The README's walk-through: the demo agent signs in with its documented secret and operates."""
    from benefits.desk import demo

    demo.load_demo_agent()
    response = client.post(
        "/agent/connexion/",
        {
            "username": demo.DEMO_USERNAME,
            "password": demo.DEMO_PASSWORD,
            "code": current_code(demo.DEMO_TOTP_SECRET),
        },
    )
    assert response.status_code == 302
    check_page(client.get("/operateur/campagnes/"))


def test_the_desk_links_to_the_campaigns_only_for_an_agent_holding_the_permission(operator_client):
    assert 'href="/operateur/campagnes/"' in check_page(operator_client.get("/agent/"))
    client = Client()
    sign_in(client, agent_factory())
    assert "/operateur/campagnes/" not in check_page(client.get("/agent/"))


def title(response) -> str:
    return " ".join(page_facts(response).title.split())


def test_a_form_with_errors_or_a_refused_action_starts_the_title_with_erreur(operator_client, operator):
    """As on every screen with an error (RGAA 8.6): the title says so first, a plain title otherwise."""
    index = operator_client.get("/operateur/campagnes/")
    assert not title(index).startswith("Erreur")
    invalid = operator_client.post("/operateur/campagnes/", {"kind": "", "month": "", "threshold": ""})
    assert invalid.status_code == 200 and title(invalid).startswith("Erreur : Campagnes")
    campaign = Campaign.objects.create(kind="recalcul", month="2026-12", created_by=operator)
    detail = f"/operateur/campagnes/{campaign.pk}/"
    assert not title(operator_client.get(detail)).startswith("Erreur")
    refused = operator_client.post(f"{detail}launch/", follow=True)  # no dry run yet: refused
    assert "Faites d’abord un essai sur un échantillon." in refused.content.decode()
    assert title(refused).startswith("Erreur : Campagne")
    assert not title(operator_client.get(detail)).startswith("Erreur")  # said once
    # The progress polled by htmx in between leaves the message to the next whole page.
    operator_client.post(f"{detail}launch/")
    operator_client.get(detail, headers={"HX-Request": "true"})
    assert title(operator_client.get(detail)).startswith("Erreur : Campagne")


def moved_on(response) -> str:
    """An answer that swaps the whole <main> (views.status_changed), its notice focused afterwards."""
    assert response.status_code == 200 and "HX-Refresh" not in response
    assert response["HX-Retarget"] == response["HX-Reselect"] == "#contenu"
    assert response["HX-Reswap"] == "outerHTML"
    html = response.content.decode()
    assert '<main id="contenu"' in html
    notice = re.search(r"<div [^>]*data-focus-after-swap[^>]*>\s*<p>\s*([^<]*?)\s*</p>", html)
    assert notice and 'id="progression"' in html[: notice.start()], "the notice is in the progress"
    return notice.group(1)


def same_markup(one: str, other: str) -> bool:
    """Equal but for white space and the CSRF tokens (masked anew on each response)."""

    def plain(html):
        return re.sub(r"\s+", " ", re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html))

    return plain(one) == plain(other)


def test_the_poll_reloads_the_whole_page_once_the_status_has_changed(operator_client, operator):
    """The htmx poll swaps only the progress: it carries the status its page shows, and when the
    campaign has moved on (paused elsewhere, finished, cancelled) the answer is the whole page's <main>,
    so the buttons, the status and the report link are never stale, and focus lands on the progress
    (a reload, HX-Refresh, put it back at the top of the page)."""
    campaign = Campaign.objects.create(
        kind="recalcul", month="2026-12", status="en_cours", created_by=operator
    )
    campaign.started_at = campaign.created_at
    campaign.save()
    detail = f"/operateur/campagnes/{campaign.pk}/"
    html = check_page(operator_client.get(detail))
    poll = re.search(r'data-hx-get="([^"]+)"', html).group(1)
    assert poll == f"{detail}?etat=en_cours"
    same = operator_client.get(poll, headers={"HX-Request": "true"})
    assert "HX-Retarget" not in same and same.content.decode().lstrip().startswith(
        '<section id="progression"'
    )
    assert "data-focus-after-swap" not in same.content.decode() + html
    for status, label in (("en_pause", "En pause"), ("terminee", "Terminée"), ("annulee", "Annulée")):
        Campaign.objects.filter(pk=campaign.pk).update(status=status)
        moved = operator_client.get(poll, headers={"HX-Request": "true"})
        assert moved_on(moved) == f"La campagne est maintenant «{NBSP}{label}{NBSP}»."
        # The swapped <main> is what a fresh page shows, the notice aside.
        fresh = outer_html(check_page(operator_client.get(detail)), "contenu")
        swapped = re.sub(
            r"\s*<div [^>]*data-focus-after-swap.*?</div>", "", moved.content.decode(), flags=re.S
        )
        assert same_markup(outer_html(swapped, "contenu"), fresh)
    # The paused page polls with its own status: a resume from another screen reloads it too.
    Campaign.objects.filter(pk=campaign.pk).update(status="en_pause")
    paused = re.search(r'data-hx-get="([^"]+)"', check_page(operator_client.get(detail))).group(1)
    assert paused.endswith("?etat=en_pause")
    Campaign.objects.filter(pk=campaign.pk).update(status="en_cours")
    resumed = moved_on(operator_client.get(paused, headers={"HX-Request": "true"}))
    assert resumed == f"La campagne est maintenant «{NBSP}En cours{NBSP}»."
    # Without the parameter (an older page, a hand-made request) the progress is answered as before.
    plain = operator_client.get(detail, headers={"HX-Request": "true"})
    assert "HX-Retarget" not in plain and plain.content.decode().lstrip().startswith(
        '<section id="progression"'
    )
