"""Finding a file at the desk: by numéro allocataire, by NIR, or by birth name and birth date.
Journaled (how, and how many answered: never what was typed), rate-limited."""

from django.conf import settings

from benefits.campaigns.feed_models import PersonNir
from benefits.claims.files import normalized_name
from benefits.claims.models import AllocataireFile
from benefits.desk.ratelimit import over_limit
from portal.channels import AGENT
from portal.journal import journal_record

MAX_RESULTS = 10


class TooManySearches(Exception):
    pass


def files_of_nir(nir: str) -> list[AllocataireFile]:
    """The file a NIR belongs to, by the NIR index (PersonNir). The index holds a NIR as the file has
    it: with its key (income feed, generated files) or its 13 characters (the portal's demo files)."""
    rows = PersonNir.objects.filter(nir__in=[nir, nir[:13]]).select_related("file").order_by("file_id")
    return list({row.file_id: row.file for row in rows}.values())[:MAX_RESULTS]


def file_search(
    *, agent, number: str = "", nir: str = "", family_name: str = "", birth_date=None
) -> list[AllocataireFile]:
    """The files matching; each search is journaled with how it was made and how many answered (no name)."""
    if over_limit(f"search:{agent.pk}", limit=settings.DESK_SEARCHES_PER_MINUTE):
        raise TooManySearches
    if number:
        found = list(AllocataireFile.objects.filter(number=number)[:1])
        how = "number"
    elif nir:
        found = files_of_nir(nir)
        how = "nir"
    else:
        wanted = normalized_name(family_name)
        candidates = AllocataireFile.objects.filter(birth_date=birth_date)
        found = [file for file in candidates if normalized_name(file.family_name) == wanted][:MAX_RESULTS]
        how = "name_birth_date"
    journal_record(
        action="file_searched",
        target="desk:search",
        by=agent,
        channel=AGENT,
        details={"how": how, "results": len(found)},
    )
    return found
