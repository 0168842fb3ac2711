"""Another person's claim, by its sequential id, and another person's draft refresh URL: 404 (issue 17 G)."""

import pytest

from benefits.claims import services
from benefits.claims.models import Claim
from tests.benefits.claims.factories import confirm_all, file_factory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def filed_claim_of_someone():
    other = UserFactory()
    draft = services.claim_draft_open(file=file_factory(user=other), by=other, kind="dtr", channel="home")
    draft = services.claim_save_draft(draft=draft, values=confirm_all(draft), by=other, channel="home")
    return draft, services.claim_submit(draft=draft, by=other, channel="home")


def test_another_persons_claim_by_sequential_id_and_refresh_url_is_a_404(logged_client, user):
    file_factory(user=user)
    mine = services.claim_draft_open(
        file=user.allocataire_file, by=user, kind="dtr", channel="home", month="2026-11"
    )
    theirs_draft, theirs = filed_claim_of_someone()
    open_draft = services.claim_draft_open(
        file=file_factory(user=UserFactory()), by=UserFactory(), kind="dtr", channel="home"
    )
    for pk in (theirs.pk, theirs.pk + 1, theirs.pk - 1):
        if not Claim.objects.filter(pk=pk, file__user=user).exists():
            assert logged_client.get(f"/mon-espace/demarches/demande/{pk}/").status_code == 404
    for draft in (theirs_draft, open_draft):
        response = logged_client.post(f"/mon-espace/demarches/brouillon/{draft.key}/revenus/")
        assert response.status_code == 404
    assert logged_client.post(f"/mon-espace/demarches/brouillon/{mine.key}/revenus/").status_code == 302
