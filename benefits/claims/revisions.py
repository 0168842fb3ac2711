"""Optimistic concurrency on drafts: two tabs never silently undo each other (pure functions).

A page posts its whole form with the draft's `revision` it was rendered from and its own `page` id
(both hidden fields, unchanged by htmx autosaves). The draft keeps, for each field, the changes made
to it: the revision, the value replaced and the page that made it (`ClaimDraft.changes`). So the value
a tab shows for a field is known: the last value it saved itself, else the value at its revision.
For each posted field:
- the posted value is the one the tab shows: the tab did not change it, the saved value stays;
- nobody else changed the field since: the posted value is taken;
- both changed it (to different values): the saved value stays, and the tab is told which field was
  changed elsewhere, with both values — an accepted value is never lost silently. The tab keeps its
  revision, so it is told again at each save until it is reloaded with the saved value.
"""

from dataclasses import dataclass

from benefits.claims import declaration

# Changes kept per field: a tab older than that many changes of one field sees a conflict on it.
MAX_CHANGES_PER_FIELD = 50
# A bound on a typed amount as the draft stores it, far above any amount ("1 234 567,89"): words typed in
# an amount's field ("1150 mais ça dépend des mois") are kept whole and shown back with their error,
# not cut at 32 characters. services.py stores with the same bound, so a conflict compares like with like.
MAX_TYPED_LENGTH = 200


@dataclass(frozen=True)
class Conflict:
    field: str
    saved: str
    posted: str


def field_values(data: dict) -> dict[str, str]:
    """Every field a draft page posts, by its name, with its saved value."""
    values = {}
    for person, months in data.get("figures", {}).items():
        for month, lines in months.items():
            for position, line in enumerate(lines):
                name = f"{person}-{month}-{position}"
                values[f"{name}-choice"] = line.get("choice") or ""
                values[f"{name}-typed"] = line.get("typed") or ""
    for person, months in data.get("other", {}).items():
        for month, kinds in months.items():
            for kind, typed in kinds.items():
                values[f"{person}-{month}-{kind}"] = typed or ""
    return values


def normalized(field: str, value) -> str:
    """A posted value as the draft would store it (a choice outside the list is stored as "")."""
    text = str(value)[:MAX_TYPED_LENGTH]
    if field.endswith("-choice"):
        return text if text in declaration.CHOICES else ""
    return text


def value_seen(field: str, revision: int, page: str | None, saved: str, changes: dict) -> str | None:
    """The value of `field` the page shows: the last it saved itself, else the draft's at `revision`;
    None when the history kept is too short to tell."""
    history = changes.get(field, [])
    own = [position for position, entry in enumerate(history) if page and entry[2] == page]
    if own:
        following = own[-1] + 1
        return history[following][1] if following < len(history) else saved
    if len(history) >= MAX_CHANGES_PER_FIELD and history[0][0] > revision:
        return None
    for changed_at, replaced, _page in history:
        if changed_at > revision:
            return replaced
    return saved


def merge_posted(
    values: dict, *, revision: int | None, page: str | None, saved: dict, changes: dict
) -> tuple[dict, list[Conflict]]:
    """The posted values to apply, and the conflicts. Without a revision (a page older than
    revisions), every value is applied."""
    if revision is None:
        return dict(values), []
    kept, conflicts = {}, []
    for field, raw in values.items():
        if field not in saved:
            kept[field] = raw
            continue
        posted, now = normalized(field, raw), saved[field]
        seen = value_seen(field, revision, page, now, changes)
        if posted in (now, seen):
            continue  # nothing new, or untouched in this tab: the saved value stays
        if seen == now:
            kept[field] = raw
        else:
            conflicts.append(Conflict(field=field, saved=now, posted=posted))
    return kept, conflicts


def record_changes(changes: dict, before: dict, after: dict, revision: int, page: str | None) -> list[str]:
    """Adds the fields that differ between `before` and `after` to the history; returns them."""
    changed = sorted(field for field in after.keys() | before.keys() if after.get(field) != before.get(field))
    for field in changed:
        history = changes.setdefault(field, [])
        history.append([revision, before.get(field, ""), page or ""])
        del history[:-MAX_CHANGES_PER_FIELD]
    return changed
