"""The receipt of an aide universelle d'urgence claim, as a letter of benefits/letters.

Addressed to the victim (`recipient`), so `Letter.objects.visible_to` shows it to no other adult of
the file; its subject and text never name the aid, and it carries no postal address (it is read in
the victim's own space, never sent to the shared home). Only for a victim who has an allocataire file
(a Letter belongs to a file); a newcomer reads the receipt page only.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from benefits.letters.models import LetterKind
from benefits.letters.services import letter_request


def letter_for_urgent_claim(*, claim, file):
    filed_at = timezone.localtime(claim.filed_at)
    context = {
        "kind": LetterKind.CONFIDENTIAL_RECEIPT,
        "issued_on": timezone.localdate().isoformat(),
        "addressee": {
            "name": f"{claim.user.first_name} {claim.user.last_name}".strip(),
            "file_number": "",
            "address": "",
        },
        "filed_at": filed_at.isoformat(),
        "due_by": claim.due_by.isoformat(),
        "amount": float(claim.amount),
        "form": claim.form,
        "parameters_version": claim.parameters_version,
        "claim_reference": claim.short_reference,
    }
    return letter_request(
        file=file,
        kind=LetterKind.CONFIDENTIAL_RECEIPT,
        source_key=f"urgent:{claim.pk}",
        revision=1,
        context=context,
        subject=_("Accusé de réception : votre demande du %(day)s") % {"day": f"{filed_at:%d/%m/%Y}"},
        recipient=claim.user,
    )
