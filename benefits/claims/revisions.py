"""Optimistic concurrency on drafts: two tabs never silently undo each other (pure functions).

A page posts its whole form with the draft's `revision` it was rendered from. The draft keeps, for
each field, the revisions that changed it and the value each change replaced (`ClaimDraft.changes`),
so the value the tab saw is known. For each posted field:
- the posted value is the one the tab saw: the tab did not change it, the saved value stays;
- nobody changed the field since the tab's revision: the posted value is taken;
- both changed it (to different values): the saved value stays, and the tab is told which field was
  changed elsewhere, with both values — an accepted value is never lost silently.
"""

from dataclasses import dataclass

from benefits.claims import declaration

# Changes kept per field: a tab older than that many changes of one field sees a conflict on it.
MAX_CHANGES_PER_FIELD = 50
MAX_TYPED_LENGTH = 32


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


def value_at(field: str, revision: int, saved: str, changes: dict) -> str:
    """The value of `field` in the draft at `revision`: what its first later change replaced."""
    for changed_at, replaced in changes.get(field, []):
        if changed_at > revision:
            return replaced
    return saved


def oldest_known(field: str, changes: dict) -> int | None:
    history = changes.get(field, [])
    return history[0][0] if len(history) >= MAX_CHANGES_PER_FIELD else None


def merge_posted(
    values: dict, *, revision: int | None, current: int, saved: dict, changes: dict
) -> tuple[dict, list[Conflict]]:
    """The posted values to apply, and the conflicts. Without a revision (an old page), or when the
    draft has not moved since the page's revision, every value is applied."""
    if revision is None or revision >= current:
        return dict(values), []
    kept, conflicts = {}, []
    for field, raw in values.items():
        if field not in saved:
            kept[field] = raw
            continue
        posted = normalized(field, raw)
        now = saved[field]
        oldest = oldest_known(field, changes)
        seen = value_at(field, revision, now, changes)
        if posted == now:
            continue
        if posted == seen and (oldest is None or oldest <= revision):
            continue  # untouched in this tab: the value saved elsewhere stays
        if seen == now and (oldest is None or oldest <= revision):
            kept[field] = raw
        else:
            conflicts.append(Conflict(field=field, saved=now, posted=posted))
    return kept, conflicts


def record_changes(changes: dict, before: dict, after: dict, revision: int) -> list[str]:
    """Adds the fields that differ between `before` and `after` to the history; returns them."""
    changed = sorted(field for field in after.keys() | before.keys() if after.get(field) != before.get(field))
    for field in changed:
        history = changes.setdefault(field, [])
        history.append([revision, before.get(field, "")])
        del history[:-MAX_CHANGES_PER_FIELD]
    return changed
