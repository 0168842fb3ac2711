"""Where a benefit already stands for a file, so that a claim is offered only when it makes sense.

A first claim of prime d'activité or RSA is not offered when the file already has that right
(AllocataireFile.rights) or a claim of it still in progress (filed or being instructed): a second
claim would only be refused, and the person would wonder which one counts. Mon espace says instead
where it stands. A refused claim, or an accepted one whose right has since ended, can be made again.
A claim posted all the same (an old page, a bookmark, a crafted request) is refused by the service
(AlreadyHeld), and nothing is created; so is filing a draft opened before the right arrived (or before
another claim of it was filed): nothing is filed, and the draft stays as it was.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from benefits.claims.models import Kind, Status
from benefits.simulator.formatting import euros
from portal.dates import long_date

# The kinds that are a claim of one benefit, with that benefit's name in the file's rights.
BENEFIT_OF_KIND = {Kind.PPA: "ppa", Kind.RSA: "rsa"}
NAMED = {Kind.PPA: gettext_lazy("la prime d’activité"), Kind.RSA: gettext_lazy("le RSA")}
IN_PROGRESS = (Status.FILED, Status.INSTRUCTING)


class AlreadyHeld(Exception):
    """The file already has this benefit, or a claim of it in progress: no new claim is opened.
    `standing` is the kind's line of benefit_standing (the sentence, and the claim's page if any)."""

    def __init__(self, kind, standing):
        self.kind = kind
        self.standing = standing
        super().__init__(f"already held or claimed: {kind}")


def benefit_standing(*, file, claims) -> dict[str, dict]:
    """{kind: {"text": the sentence, "url": the claim's page or "", "label": its kind}} for each kind not to offer."""
    standing = {}
    rights = {right.get("benefit"): right for right in file.rights or []}
    for kind, benefit in BENEFIT_OF_KIND.items():
        right = rights.get(benefit)
        pending = [claim for claim in claims if claim.kind == kind and claim.status in IN_PROGRESS]
        if pending:
            claim = pending[-1]
            standing[kind] = {
                "text": _(
                    "Votre demande pour %(benefit)s, déposée le %(date)s, est en cours : « %(status)s ». "
                    "Inutile d’en faire une autre."
                )
                % {
                    "benefit": NAMED[kind],
                    "date": long_date(claim.filed_at),
                    "status": claim.get_status_display(),
                },
                "url": reverse("claims:claim", args=[claim.pk]),
                "label": claim.get_kind_display(),
            }
        elif right and float(right.get("amount") or 0) > 0:
            standing[kind] = {
                "text": _(
                    "Vous percevez déjà %(benefit)s (%(amount)s par mois) : pas besoin d’une nouvelle "
                    "demande, vos déclarations trimestrielles suffisent."
                )
                % {"benefit": NAMED[kind], "amount": euros(right["amount"])},
                "url": "",
                "label": "",
            }
    return standing
