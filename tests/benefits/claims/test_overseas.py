"""An overseas allocataire's own space: the file is storable (benefits/claims/file_checks.py) but the
core does not compute the overseas departments yet, so the declaration's check page says that the
estimate is not available and filing is refused with a message, never a server error."""

import pytest

from benefits.claims.models import Claim, ClaimDraft
from tests.benefits.claims.factories import confirm_all, file_factory

pytestmark = pytest.mark.django_db
REUNION = {"status": "tenant_social", "rent": 420, "commune_insee": "97411"}


def test_an_overseas_declaration_has_no_estimate_and_is_not_filed(logged_client, user):
    file_factory(user=user, housing=REUNION)
    edit_url = logged_client.post("/mon-espace/demarches/nouvelle/dtr/")["Location"]
    draft = ClaimDraft.objects.get()
    check_url = logged_client.post(edit_url, confirm_all(draft) | {"action": "continue"})["Location"]
    check = logged_client.get(check_url)
    assert check.status_code == 200
    assert "L’estimation n’est pas disponible pour votre dossier" in check.content.decode()
    refused = logged_client.post(check_url, follow=True)
    assert refused.status_code == 200 and refused.redirect_chain[-1][0] == check_url
    assert "Votre dossier ne permet pas de calculer le droit" in refused.content.decode()
    assert not Claim.objects.exists()
