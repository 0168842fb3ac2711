"""The campaigns' operator screens in a browser: an operator signs in with the TOTP code, creates a
non-recours campaign, dry-runs it, launches it, watches its progress update by itself (htmx polling),
pauses and resumes it, and reads its report — axe on every state; and the same journey without
JavaScript (plain forms; the "Actualiser la progression" link is there only while the campaign runs
or is paused)."""

import re

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from benefits.campaigns import services
from benefits.campaigns.chunks import chunk_run
from benefits.campaigns.demo_load import campaign_demo_load
from benefits.campaigns.models import Campaign, CampaignResult, ChunkStatus
from benefits.claims.models import AllocataireFile
from benefits.letters.models import Letter, LetterStatus
from tests.agents import AGENT_PASSWORD, agent_factory, current_code

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def campaign_file(tmp_path, settings, monkeypatch):
    settings.CAMPAIGN_CHUNK_SIZE = 20  # 60 households: three chunks
    # Letters are requested, not rendered (WeasyPrint for each notified household would take minutes).
    monkeypatch.setattr("benefits.letters.services.letter_enqueue", lambda letter: None)
    return campaign_demo_load(households=60, last_month="2026-11", seed=7, folder=tmp_path)


def operator_signs_in(page, live_server, username):
    agent = agent_factory(username=username)
    agent.user_permissions.add(Permission.objects.get(codename="operate_campaign"))
    page.goto(live_server.url + "/agent/connexion/?next=/operateur/campagnes/")
    page.get_by_label("Identifiant").fill(agent.username)
    page.get_by_label("Mot de passe").fill(AGENT_PASSWORD)
    page.get_by_label("Code à usage unique").fill(current_code())
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/operateur/campagnes/")


def create_and_dry_run(page):
    expect(page.get_by_role("heading", level=1)).to_have_text("Campagnes")
    page.get_by_role("radio", name=re.compile("^Non-recours")).check(force=True)
    page.get_by_label("Mois des droits calculés").select_option("2026-12")
    page.get_by_label("Seuil en euros").fill("10")
    page.get_by_role("button", name="Créer la campagne").click()
    page.wait_for_url(re.compile(r"/operateur/campagnes/\d+/$"))
    expect(page.get_by_role("button", name="Lancer la campagne")).to_have_count(0)  # a dry run first
    page.get_by_role("button", name="Faire un essai sur un échantillon").click()
    expect(page.get_by_text("Essai terminé", exact=False)).to_be_visible()
    expect(page.get_by_text("Exemples de foyers", exact=False).first).to_be_visible()


def test_operator_journey_with_htmx_progress(
    page, live_server, assert_accessible, campaign_file, monkeypatch
):
    operator_signs_in(page, live_server, "operateur-htmx")
    assert_accessible(page, "campaigns index")
    create_and_dry_run(page)
    assert_accessible(page, "campaign after its dry run")

    # The chunks' messages wait in the broker: the launch leaves them queued, the test runs them. Its
    # own context: undoing the whole monkeypatch (as this test once did) also undid campaign_file's
    # patch, and the resumed chunks rendered their letters (WeasyPrint) inside the « Reprendre »
    # request, over Playwright's 30 s on a loaded machine.
    with monkeypatch.context() as queued:
        queued.setattr("benefits.campaigns.services.chunk_enqueue", lambda chunk_id: None)
        page.get_by_role("button", name="Lancer la campagne").click()
        total = AllocataireFile.objects.count()
        status = page.locator("#progression [role=status]")
        expect(status).to_have_text(f"0 foyer traité sur {total} (0 %)")  # French: 0 and 1 singular
        assert_accessible(page, "campaign running")

        campaign = Campaign.objects.get()
        first = campaign.chunks.order_by("pk").first()
        assert chunk_run(chunk_id=first.pk) == "done"
        url = page.url
        expect(status).to_contain_text(
            f"{first.last_pk - first.first_pk + 1} foyers traités sur {total}", timeout=10_000
        )
        assert page.url == url  # refreshed in place by htmx polling, no navigation

        page.get_by_role("button", name="Mettre en pause").click()
        expect(page.get_by_role("button", name="Reprendre")).to_be_visible()
        # Resumed from another screen: the poll sees the status move and reloads the whole page, so
        # its buttons and status are never stale (the chunks stay queued: chunk_enqueue is patched).
        assert services.campaign_resume(campaign=campaign, by=campaign.created_by)
        expect(page.get_by_role("button", name="Mettre en pause")).to_be_visible(timeout=10_000)
        expect(page.get_by_role("button", name="Reprendre")).to_have_count(0)
        expect(page.get_by_text("État : En cours")).to_be_visible()
        # Focus (and so the reading position) lands on the progress, on the sentence saying what
        # changed, not back at the top of the page; the page's URL is the same.
        notice = page.locator("#progression [data-focus-after-swap]")
        expect(notice).to_have_text("La campagne est maintenant « En cours ».")
        expect(notice).to_be_focused()
        assert page.url == url and notice.is_visible()
        assert notice.bounding_box()["y"] >= 0  # scrolled into view
        assert_accessible(page, "campaign resumed from another screen")
        page.get_by_role("button", name="Mettre en pause").click()
        expect(page.get_by_role("button", name="Reprendre")).to_be_visible()
        assert_accessible(page, "campaign paused")
        # Paused from another screen while this one watches a running campaign: the same reload.
        assert services.campaign_resume(campaign=campaign, by=campaign.created_by)
        page.reload()
        expect(page.get_by_role("button", name="Mettre en pause")).to_be_visible()
        assert services.campaign_pause(campaign=campaign, by=campaign.created_by)
        expect(page.get_by_role("button", name="Reprendre")).to_be_visible(timeout=10_000)
        expect(page.get_by_text("État : En pause")).to_be_visible()
        # Cancelling cannot be undone: a question first, and "Non" keeps the campaign.
        page.get_by_role("link", name="Annuler la campagne…").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Annuler la campagne")
        assert_accessible(page, "cancel question")
        page.get_by_role("link", name="Non, garder la campagne").click()
        expect(page.get_by_role("button", name="Reprendre")).to_be_visible()
    # Resume enqueues the queued chunks: in-process, they run at once.
    page.get_by_role("button", name="Reprendre").click()
    expect(page.locator("#progression [role=status]")).to_have_text(
        f"{total} foyers traités sur {total} (100 %)"
    )
    assert not campaign.chunks.filter(status=ChunkStatus.QUEUED).exists()
    assert CampaignResult.objects.filter(campaign=campaign).count() == total
    # Requested, none rendered: the resumed chunks' letters too (campaign_file's patch still holds).
    assert Letter.objects.count() > 0 and not Letter.objects.exclude(status=LetterStatus.QUEUED).exists()

    page.get_by_role("link", name="Rapport").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rapport")
    expect(page.get_by_role("link", name="Télécharger les résultats (tableur Excel, XLSX)")).to_be_visible()
    expect(
        page.get_by_role("link", name="Télécharger les résultats (CSV, pour un programme)")
    ).to_be_visible()
    assert_accessible(page, "campaign report")


def test_operator_journey_without_javascript(no_js_page, live_server, campaign_file, assert_accessible):
    # axe on each state as it is without JavaScript (a copy of the document: tests/browser/axe_check.py).
    page = no_js_page
    operator_signs_in(page, live_server, "operateur-nojs")
    assert_accessible(page, "campaigns index without JavaScript")
    create_and_dry_run(page)
    assert_accessible(page, "campaign after its dry run without JavaScript")
    page.get_by_role("button", name="Lancer la campagne").click()  # in-process: done within the request
    total = AllocataireFile.objects.count()
    expect(page.locator("#progression [role=status]")).to_have_text(
        f"{total} foyers traités sur {total} (100 %)"
    )
    # Finished: nothing left to refresh (while it runs or is paused, the link is there: test_views.py).
    expect(page.get_by_role("link", name="Actualiser la progression")).to_have_count(0)
    assert_accessible(page, "campaign done without JavaScript")
    page.get_by_role("link", name="Rapport").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rapport")
    assert_accessible(page, "campaign report without JavaScript")
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger les résultats (CSV, pour un programme)").click()
    lines = download.value.path().read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == total + 1  # a header and one line per household
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger les résultats (tableur Excel, XLSX)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    assert download.value.path().read_bytes().startswith(b"PK")  # a workbook is a zip
