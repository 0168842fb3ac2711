"""The NIR index (PersonNir): which file each person's NIR belongs to, kept from the file's members.

The income feed speaks NIR and the campaigns speak files: an import finds the files whose incomes
changed through this index (feed_import.py, the event-driven recalculation), and the desk's search by
NIR reads it (benefits/desk/search.py). A file's members are written by its loaders (the demo's, the
generated feed's, in bulk: demo_load.index_nirs) and changed by staff in /gestion/: each such write
calls `file_nirs_index`, so a NIR added, corrected or removed there is found, or no longer found, at
once.
"""

from django.db import transaction

from benefits.campaigns.feed_models import PersonNir


def file_nirs_index(*, file) -> int:
    """The index made to hold exactly the NIRs of `file`'s members: a NIR no longer there is dropped, a
    new one added, and a NIR another file held moves to this one (a person who changed households: a
    NIR is one person, so one file). Returns the number of NIRs the file now has."""
    wanted = {member["nir"]: member["id"] for member in file.members if member.get("nir")}
    with transaction.atomic():
        PersonNir.objects.filter(file=file).exclude(nir__in=list(wanted)).delete()
        for nir, member in wanted.items():
            PersonNir.objects.update_or_create(nir=nir, defaults={"file": file, "member": member})
    return len(wanted)
